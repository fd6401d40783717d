package dev.slipway.runtime.up;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.build.ReleaseOrder;
import dev.slipway.core.scm.EventKind;
import dev.slipway.core.scm.Provider;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.testkit.build.TestBuilds;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepositoryMappingTest {

    private final RepositoryMapping mapping = new RepositoryMapping(Map.of(
            "acme/api", "file:///src/api/", "acme/web", "https://mirror.example.com/web.git"));

    @Test
    void aMappedRepositoryBuildsFromTheConfiguredSourceAndKeepsEverythingElse() {
        BuildRequest request = TestBuilds.push("acme/api", "main", "d-1", TestBuilds.T0);

        BuildRequest mapped = mapping.apply(request);

        assertThat(mapped.repo().cloneUrl()).isEqualTo("file:///src/api/");
        assertThat(mapped.repo().fullName()).isEqualTo("acme/api");
        assertThat(mapped.repo().webUrl()).isEqualTo(request.repo().webUrl());
        assertThat(mapped).usingRecursiveComparison().ignoringFields("repo").isEqualTo(request);
    }

    @Test
    void aRollbackFromSlackKeepsItsReleaseOrder() {
        BuildRequest push = TestBuilds.push("acme/api", "main", "d-6", TestBuilds.T0);
        ReleaseOrder order = new ReleaseOrder(ReleaseOrder.Kind.ROLLBACK, "api", "production",
                "localhost:5000/acme/api@sha256:" + "1".repeat(64), push.id(), null);
        BuildRequest rollback = new BuildRequest(BuildId.of("slack-t1"), Provider.SLACK, "t1", EventKind.CHAT, push.repo(),
                push.ref(), push.commit(), push.branch(), null, null, "U0ALICE", false, "/rollback", TestBuilds.T0, order);

        assertThat(mapping.apply(rollback).release()).isEqualTo(order);
    }

    @Test
    void aLocalPathNeedsNoTokenButAMirrorKeepsThePrivateFlag() {
        BuildRequest privateApi = withPrivateRepo(TestBuilds.push("acme/api", "main", "d-2", TestBuilds.T0));
        BuildRequest privateWeb = withPrivateRepo(TestBuilds.push("acme/web", "main", "d-3", TestBuilds.T0));

        assertThat(mapping.apply(privateApi).repo().isPrivate()).isFalse();
        assertThat(mapping.apply(privateWeb).repo().isPrivate()).isTrue();
    }

    @Test
    void queueMessagesAreMappedAndOthersPassUnchanged() {
        BuildRequest unmapped = TestBuilds.push("acme/other", "main", "d-4", TestBuilds.T0);
        String body = SlipwayJson.write(TestBuilds.push("acme/api", "main", "d-5", TestBuilds.T0));

        assertThat(SlipwayJson.read(mapping.apply(body), BuildRequest.class).repo().cloneUrl()).isEqualTo("file:///src/api/");
        assertThat(mapping.apply(SlipwayJson.write(unmapped))).isEqualTo(SlipwayJson.write(unmapped));
        assertThat(mapping.apply("not a request")).isEqualTo("not a request");
    }

    private static BuildRequest withPrivateRepo(BuildRequest r) {
        return new BuildRequest(r.id(), r.provider(), r.deliveryId(), r.event(),
                new dev.slipway.core.scm.Repository(r.repo().fullName(), r.repo().cloneUrl(), r.repo().webUrl(), true),
                r.ref(), r.commit(), r.branch(), r.tag(), r.pullRequest(), r.actor(), r.untrusted(), r.title(), r.receivedAt());
    }
}
