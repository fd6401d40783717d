package dev.slipway.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.core.approval.Approval;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.functions.pipeline.RequestApprovalFunction;
import dev.slipway.testkit.build.TestBuilds;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Step Functions gives every attempt of a {@code .waitForTaskToken} task a new token. When the
 * request-approval task is retried (its Lambda failed after storing the request), the stored
 * request must take the new token, or the approvers' decision would go to a task that no longer waits.
 */
class RequestApprovalRetryTest {

    @TempDir
    Path logs;
    private PipelineHarness harness;

    @AfterEach
    void close() {
        harness.close();
    }

    private static ObjectNode request(BuildRequest build, String service, String token) {
        ObjectNode payload = SlipwayJson.mapper().createObjectNode();
        payload.put("buildId", build.id().value());
        payload.put("stage", "approve-production");
        payload.put("service", service);
        payload.put("taskToken", token);
        ObjectNode rules = payload.putObject("approval");
        rules.putArray("approvers").add("U0CAROL");
        rules.put("required", 1);
        rules.put("expiresSeconds", 3600);
        ObjectNode notify = payload.putObject("notify");
        notify.put("channel", "#deploys");
        notify.put("messageRef", "#deploys:build");
        return payload;
    }

    @Test
    void aRetriedRequestTakesTheNewTokenAndPostsOnce() {
        harness = new PipelineHarness(logs, h -> new ScriptedEcsPort(h.definitions, h.logs), new FakeDeployTarget());
        BuildRequest build = TestBuilds.push("acme/shop", "main", "approval-retry", Instant.now());
        harness.builds.create(BuildRecord.queued(build, List.of(), Instant.now()));
        RequestApprovalFunction function = new RequestApprovalFunction(harness.services);

        String first = function.handle(request(build, "api", "token-attempt-1")).path("approvalId").asText();
        String retried = function.handle(request(build, "api", "token-attempt-2")).path("approvalId").asText();

        assertThat(retried).isEqualTo(first);
        Approval stored = harness.approvals.find(first).orElseThrow();
        assertThat(stored.taskToken()).isEqualTo("token-attempt-2");
        assertThat(harness.notifier.approvals).hasSize(1);
    }

    @Test
    void eachServiceOfAReleaseHasItsOwnApprovalWithItsOwnToken() {
        harness = new PipelineHarness(logs, h -> new ScriptedEcsPort(h.definitions, h.logs), new FakeDeployTarget());
        BuildRequest build = TestBuilds.push("acme/shop", "main", "approval-per-service", Instant.now());
        harness.builds.create(BuildRecord.queued(build, List.of(), Instant.now()));
        RequestApprovalFunction function = new RequestApprovalFunction(harness.services);

        String api = function.handle(request(build, "api", "token-api")).path("approvalId").asText();
        String web = function.handle(request(build, "web", "token-web")).path("approvalId").asText();

        assertThat(api).isNotEqualTo(web);
        assertThat(harness.approvals.find(api).orElseThrow().taskToken()).isEqualTo("token-api");
        assertThat(harness.approvals.find(web).orElseThrow().taskToken()).isEqualTo("token-web");
        assertThat(harness.notifier.approvals).extracting(Approval::service).containsExactly("api", "web");
    }
}
