package dev.slipway.statemachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.build.BuildStatus;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.functions.aws.SfnExecutionHistory;
import dev.slipway.functions.pipeline.BuildEndedFunction;
import dev.slipway.runtime.asl.api.SfnHttpServer;
import dev.slipway.runtime.asl.eval.Execution;
import dev.slipway.runtime.asl.eval.ExecutionStatus;
import dev.slipway.testkit.build.TestBuilds;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * An execution that ends where the definition cannot record it (stopped outside {@code /cancel})
 * leaves its build RUNNING; the BuildEnded function, given the event EventBridge sends, records it
 * and updates the build's message, found through the engine's GetExecutionHistory over the Step
 * Functions API.
 */
class BuildEndedIT {

    @TempDir
    Path logs;
    private PipelineHarness harness;
    private ScriptedEcsPort ecs;
    private SfnHttpServer server;
    private SfnClient sfn;

    @BeforeEach
    void start() throws Exception {
        harness = new PipelineHarness(logs, h -> ecs = new ScriptedEcsPort(h.definitions, h.logs), new FakeDeployTarget());
        server = SfnHttpServer.start(harness.engine, "127.0.0.1", 0);
        sfn = SfnClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterEach
    void stop() {
        sfn.close();
        server.close();
        harness.close();
    }

    @Test
    void aBuildStoppedOutsideSlipwayEndsCancelledWithWhyAndItsMessageSaysSo() throws Exception {
        ecs.script("api.integration", new ScriptedEcsPort.Outcome.UntilStopped());
        BuildRequest request = TestBuilds.push("acme/api", "main", "stopped-in-console", Instant.now());
        Execution execution = harness.start("single", request);
        await().atMost(Duration.ofSeconds(20)).until(() -> ecs.started.contains("api.integration"));

        harness.engine.stopExecution(execution.arn(), "Console", "stopped by an operator");
        Execution done = execution.done().get(60, TimeUnit.SECONDS);
        assertThat(done.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(harness.build(request.id()).status()).as("before the event").isEqualTo(BuildStatus.RUNNING);

        BuildEndedFunction function = new BuildEndedFunction(harness.services, new SfnExecutionHistory(sfn));
        JsonNode answer = function.handle(statusChange(done, "ABORTED", "Console", "stopped by an operator"));

        BuildRecord build = harness.build(request.id());
        assertThat(answer.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(build.status()).isEqualTo(BuildStatus.CANCELLED);
        assertThat(build.reason()).isEqualTo("the pipeline was stopped: stopped by an operator");
        // "Build started" posted the message (the recording notifier answers "#deploys:1"); it is updated in place.
        assertThat(harness.notifier.messageUpdates).last().isEqualTo("CANCELLED@#deploys:1");
    }

    @Test
    void aBuildWithoutAChannelIsRecordedAndNothingIsPosted() throws Exception {
        ecs.script("db.build", new ScriptedEcsPort.Outcome.UntilStopped());
        BuildRequest request = TestBuilds.push("acme/shop", "main", "release-stopped", Instant.now());
        Execution execution = harness.start("release", request);
        await().atMost(Duration.ofSeconds(20)).until(() -> ecs.started.contains("db.build"));
        harness.engine.stopExecution(execution.arn(), null, null);
        Execution done = execution.done().get(60, TimeUnit.SECONDS);

        new BuildEndedFunction(harness.services, new SfnExecutionHistory(sfn)).handle(statusChange(done, "ABORTED", null, null));

        BuildRecord build = harness.build(request.id());
        assertThat(build.status()).isEqualTo(BuildStatus.CANCELLED);
        assertThat(build.reason()).isEqualTo("the pipeline was stopped");
        assertThat(new SfnExecutionHistory(sfn).lastMessage(done.arn())).isEmpty();
        assertThat(harness.notifier.buildStatuses).doesNotContain("CANCELLED");
    }

    @Test
    void anEventForABuildTheDefinitionAlreadyEndedChangesNothing() throws Exception {
        ecs.script("api.integration", new ScriptedEcsPort.Outcome.Exit(3, java.util.List.of("tests failed")));
        BuildRequest request = TestBuilds.push("acme/api", "main", "failed-normally", Instant.now());
        Execution done = harness.start("single", request).done().get(60, TimeUnit.SECONDS);
        BuildRecord recorded = harness.build(request.id());
        assertThat(recorded.status()).isEqualTo(BuildStatus.FAILED);
        int updates = harness.notifier.messageUpdates.size();

        new BuildEndedFunction(harness.services, new SfnExecutionHistory(sfn))
                .handle(statusChange(done, "FAILED", done.error(), done.cause()));

        assertThat(harness.build(request.id())).isEqualTo(recorded);
        assertThat(harness.notifier.messageUpdates).hasSize(updates);
    }

    /** The event EventBridge delivers for the pipeline ("Step Functions Execution Status Change"). */
    private static JsonNode statusChange(Execution execution, String status, String error, String cause) {
        ObjectNode event = SlipwayJson.mapper().createObjectNode();
        event.put("source", "aws.states");
        event.put("detail-type", "Step Functions Execution Status Change");
        ObjectNode detail = event.putObject("detail");
        detail.put("executionArn", execution.arn());
        detail.put("name", execution.arn().substring(execution.arn().lastIndexOf(':') + 1));
        detail.put("status", status);
        detail.put("input", execution.input().toString());
        detail.put("error", error);
        detail.put("cause", cause);
        return event;
    }
}
