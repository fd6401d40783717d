package dev.slipway.functions.scm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.scm.CommitStatusRejectedException;
import dev.slipway.core.scm.CommitStatuses;
import dev.slipway.core.scm.CommitStatuses.CommitState;
import dev.slipway.core.scm.Provider;
import dev.slipway.core.scm.Repository;
import dev.slipway.testkit.scm.FakeScmStatusServer;
import dev.slipway.testkit.secret.InMemorySecretStore;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Commit statuses over HTTP against the SCM fake, which checks tokens, states and fields as the real APIs do. */
class HttpCommitStatusesIT {

    private static final String SHA = "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c";
    private static final URI BUILD = URI.create("https://slipway.example.com/builds/github-1");
    private static final Repository REPO = new Repository("acme/api", "https://git.example.com/acme/api.git", null, false);

    private final FakeScmStatusServer scm = new FakeScmStatusServer("s3cr3t-token");

    @AfterEach
    void stop() {
        scm.close();
    }

    private CommitStatuses statuses(String token) {
        InMemorySecretStore secrets = new InMemorySecretStore();
        for (Provider p : new Provider[] {Provider.GITHUB, Provider.GITLAB, Provider.GITEA}) {
            secrets.put("slipway/scm/" + p.id() + "-token", token);
        }
        return new HttpCommitStatuses(Map.of(Provider.GITHUB, scm.api("github"), Provider.GITLAB, scm.api("gitlab"),
                Provider.GITEA, scm.api("gitea")), secrets, "slipway/scm");
    }

    @Test
    void eachProviderGetsItsOwnStateNamesWithTheLinkAndContext() {
        CommitStatuses statuses = statuses("s3cr3t-token");
        statuses.set(Provider.GITHUB, REPO, SHA, CommitState.RUNNING, "build running", BUILD);
        statuses.set(Provider.GITLAB, REPO, SHA, CommitState.FAILURE, "integration failed", BUILD);
        statuses.set(Provider.GITEA, REPO, SHA, CommitState.SUCCESS, "build succeeded", BUILD);

        assertThat(scm.statuses()).extracting(s -> s.provider() + " " + s.repo() + " " + s.state() + " " + s.context())
                .containsExactly("github acme/api pending slipway", "gitlab acme/api failed slipway",
                        "gitea acme/api success slipway");
        assertThat(scm.statuses()).allSatisfy(s -> {
            assertThat(s.targetUrl()).isEqualTo(BUILD.toString());
            assertThat(s.sha()).isEqualTo(SHA);
        });
    }

    @Test
    void aWrongTokenIsRefusedWithWhatToCheck() {
        assertThatThrownBy(() -> statuses("wrong").set(Provider.GITHUB, REPO, SHA, CommitState.SUCCESS, "ok", BUILD))
                .isInstanceOf(CommitStatusRejectedException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("Bad credentials")
                .hasMessageContaining("slipway/scm/github-token");
        assertThat(scm.statuses()).isEmpty();
    }

    @Test
    void providersWithoutAStatusApiAreLeftAlone() {
        statuses("s3cr3t-token").set(Provider.SCHEDULE, REPO, SHA, CommitState.SUCCESS, "nightly", BUILD);
        assertThat(scm.statuses()).isEmpty();
    }
}
