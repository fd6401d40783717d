package dev.slipway.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.json.SlipwayJson;
import dev.slipway.core.scm.EventKind;
import dev.slipway.core.scm.Provider;
import dev.slipway.core.scm.PullRequest;
import dev.slipway.core.scm.Repository;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildRecordTest {

    private static final Instant T0 = Instant.parse("2026-11-22T04:00:00Z");
    private static final String SHA = "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c";

    static BuildRequest push(String delivery) {
        return new BuildRequest(BuildId.forDelivery(Provider.GITHUB, delivery), Provider.GITHUB, delivery,
                EventKind.PUSH, new Repository("acme/api", "https://github.com/acme/api.git", null, false),
                "refs/heads/main", SHA, "main", null, null, "octocat", false, "Fix the thing", T0);
    }

    @Test
    void aBuildMovesThroughItsLifeAndNeverLeavesAnEnd() {
        BuildRecord queued = BuildRecord.queued(push("d1"), List.of(StageRecord.pending("integration", null)), T0);
        BuildRecord done = queued.withStatus(BuildStatus.RUNNING, null, T0.plusSeconds(1))
                .withStatus(BuildStatus.SUCCEEDED, null, T0.plusSeconds(9));

        assertThat(done.updatedAt()).isEqualTo(T0.plusSeconds(9));
        assertThatThrownBy(() -> done.withStatus(BuildStatus.RUNNING, null, T0.plusSeconds(10)))
                .isInstanceOf(BuildStatusTransitionException.class)
                .hasMessageContaining("SUCCEEDED and cannot become RUNNING")
                .hasMessageContaining("start a new build");
    }

    @Test
    void stagesAreReplacedByNameAndServiceAndTimed() {
        BuildRecord build = BuildRecord.queued(push("d2"),
                List.of(StageRecord.pending("integration", null), StageRecord.pending("deploy:staging", null)), T0);
        StageRecord ran = build.stages().get(0).started(T0).finished(StageStatus.SUCCEEDED, T0.plusSeconds(42), 0, null);

        BuildRecord next = build.withStage(ran, T0.plusSeconds(42));

        assertThat(next.stages()).hasSize(2);
        assertThat(next.stages().get(0).duration()).isEqualTo(Duration.ofSeconds(42));
        assertThat(next.hasStartedDeploying()).isFalse();
        assertThat(next.withStage(next.stages().get(1).started(T0), T0).hasStartedDeploying()).isTrue();
    }

    @Test
    void forkPullRequestsAreAlwaysUntrusted() {
        BuildRequest pr = new BuildRequest(BuildId.forDelivery(Provider.GITHUB, "d3"), Provider.GITHUB, "d3",
                EventKind.PULL_REQUEST, new Repository("acme/api", "https://github.com/acme/api.git", null, false),
                "refs/pull/7/head", SHA, "patch-1", null,
                new PullRequest(7, "main", "mallory/api", true, null), "mallory", false, "Add feature", T0);

        assertThat(pr.untrusted()).isTrue();
        assertThat(pr.filterBranch()).isEqualTo("main");
    }

    @Test
    void requestsMissingWhatTheirEventNeedsAreRejectedWithTheMissingPart() {
        assertThatThrownBy(() -> new BuildRequest(BuildId.of("x"), Provider.GITHUB, "x", EventKind.TAG,
                new Repository("acme/api", "file:///r", null, false), "refs/tags/v1", SHA, null, null, null,
                "a", false, null, T0))
                .hasMessage("build x: a TAG request needs a tag");
        assertThatThrownBy(() -> new BuildRequest(BuildId.of("y"), Provider.GITHUB, "y", EventKind.PUSH,
                new Repository("acme/api", "file:///r", null, false), "refs/heads/main", "abc", "main", null, null,
                "a", false, null, T0))
                .hasMessageContaining("'abc' is not a full lower-case hex object id");
    }

    @Test
    void aRequestTravelsAsTheDocumentedJson() throws IOException {
        String expected = resource("records/build-request-push.json");

        BuildRequest read = SlipwayJson.read(expected, BuildRequest.class);

        assertThat(read).isEqualTo(push("72d3162e-cc78-11e3-81ab-4c9367dc0958"));
        assertThat(SlipwayJson.mapper().readTree(SlipwayJson.write(read)))
                .isEqualTo(SlipwayJson.mapper().readTree(expected));
    }

    @Test
    void aRecordSurvivesJson() {
        BuildRecord build = BuildRecord.queued(push("d4"), List.of(StageRecord.pending("build", "api")), T0)
                .withImage("api", "localhost:5000/acme/api@sha256:" + "a".repeat(64), T0)
                .withVersion(3);

        assertThat(SlipwayJson.read(SlipwayJson.write(build), BuildRecord.class)).isEqualTo(build);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BuildRecordTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
