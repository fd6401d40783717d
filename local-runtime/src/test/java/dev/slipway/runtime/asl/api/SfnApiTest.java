package dev.slipway.runtime.asl.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.runtime.asl.eval.Json;
import dev.slipway.runtime.asl.integration.EcsIntegration;
import dev.slipway.runtime.asl.integration.LambdaIntegration;
import dev.slipway.runtime.asl.integration.TaskIntegrations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;

/** The Step Functions API, driven by AWS's own SfnClient over HTTP. */
class SfnApiTest {
    private final RecordingEcsPort ecs = new RecordingEcsPort();
    private final AtomicInteger deployCalls = new AtomicInteger();
    private LocalSfn sfn;
    private SfnClient client;

    @BeforeEach
    void start() {
        LambdaIntegration lambdas = new LambdaIntegration(ForkJoinPool.commonPool()).register("flaky-deploy", payload -> {
            if (deployCalls.incrementAndGet() == 1) {
                throw new IllegalStateException("registry unreachable");
            }
            return Json.parse("{\"deployed\":true}");
        });
        sfn = new LocalSfn(new TaskIntegrations().register(lambdas).register(new EcsIntegration(ecs)));
        client = sfn.client;
    }

    @AfterEach
    void stop() {
        sfn.close();
    }

    @Test
    void createsDescribesListsAndDeletesStateMachines() {
        String arn = create("pipeline", "pass-chain");
        assertThat(client.describeStateMachine(r -> r.stateMachineArn(arn)).definition()).isEqualTo(fixture("pass-chain"));
        assertThat(client.listStateMachines(r -> { }).stateMachines()).extracting(m -> m.name()).containsExactly("pipeline");
        client.deleteStateMachine(r -> r.stateMachineArn(arn));
        assertThat(client.listStateMachines(r -> { }).stateMachines()).isEmpty();
    }

    @Test
    void rejectsAnInvalidDefinitionNamingEveryStateAndField() {
        assertThatThrownBy(() -> create("broken", "invalid-next"))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("Missing 'Next' target: Nowhere at /States/Build")
                .hasMessageContaining("\"Bogus\" is not a supported comparison operator at /States/Check/Choices/0/Bogus")
                .hasMessageContaining("\"States.ALL\" must appear alone and in the last Retrier or Catcher at /States/Retrying/Retry/0/ErrorEquals");
        var validation = client.validateStateMachineDefinition(r -> r.definition(fixture("invalid-next")));
        assertThat(validation.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
        assertThat(validation.diagnostics()).extracting(d -> d.location())
                .contains("/States/Build", "/States/Check/Choices/0/Bogus", "/States/Retrying/Retry/0/ErrorEquals");
    }

    @Test
    void runsAnExecutionToItsOutput() {
        String arn = create("pipeline", "pass-chain");
        String execution = client.startExecution(r -> r.stateMachineArn(arn).name("build-1").input("{\"ref\":\"main\"}")).executionArn();
        DescribeExecutionResponse done = awaitClosed(execution);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Json.parse(done.output())).isEqualTo(Json.parse("{\"ref\":\"main\",\"one\":{\"step\":1},\"two\":{\"step\":2}}"));
    }

    @Test
    void startExecutionIsIdempotentForTheSameNameAndInputWhileOpen() {
        String arn = create("approvals", "approval");
        String first = client.startExecution(r -> r.stateMachineArn(arn).name("build-7").input("{\"build\":7}")).executionArn();
        String again = client.startExecution(r -> r.stateMachineArn(arn).name("build-7").input("{\"build\":7}")).executionArn();
        assertThat(again).isEqualTo(first);
        assertThatThrownBy(() -> client.startExecution(r -> r.stateMachineArn(arn).name("build-7").input("{\"build\":8}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class).hasMessageContaining(first);
        client.stopExecution(r -> r.executionArn(first));
        assertThatThrownBy(() -> client.startExecution(r -> r.stateMachineArn(arn).name("build-7").input("{\"build\":7}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class);
    }

    @Test
    void appliesAwsNameRules() {
        String arn = create("pipeline", "pass-chain");
        for (String bad : List.of("has space", "a/b", "x".repeat(81), "tab\there", "star*", "")) {
            assertThatThrownBy(() -> client.startExecution(r -> r.stateMachineArn(arn).name(bad)))
                    .as(bad).isInstanceOf(InvalidNameException.class);
        }
        assertThatThrownBy(() -> create("bad name", "pass-chain")).isInstanceOf(InvalidNameException.class);
    }

    @Test
    void reportsUnknownExecutionsAndMalformedArns() {
        assertThatThrownBy(() -> client.describeExecution(r -> r.executionArn(
                "arn:aws:states:us-east-1:000000000000:execution:nope:nope")))
                .isInstanceOf(ExecutionDoesNotExistException.class).hasMessageContaining("nope:nope");
        assertThatThrownBy(() -> client.describeExecution(r -> r.executionArn("not-an-arn")))
                .isInstanceOf(InvalidArnException.class);
    }

    @Test
    void pagesExecutionHistoryForwardAndBackward() {
        String arn = create("pipeline", "pass-chain");
        String execution = client.startExecution(r -> r.stateMachineArn(arn)).executionArn();
        awaitClosed(execution);
        List<Long> ids = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            GetExecutionHistoryResponse page = client.getExecutionHistory(r -> r.executionArn(execution).maxResults(3).nextToken(next));
            assertThat(page.events()).hasSizeLessThanOrEqualTo(3);
            page.events().forEach(e -> ids.add(e.id()));
            token = page.nextToken();
        } while (token != null);
        assertThat(ids).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        List<HistoryEvent> reversed = client.getExecutionHistory(r -> r.executionArn(execution).reverseOrder(true)).events();
        assertThat(reversed.get(0).type()).isEqualTo(HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(reversed.get(reversed.size() - 1).type()).isEqualTo(HistoryEventType.EXECUTION_STARTED);
        assertThat(reversed.get(1).stateExitedEventDetails().name()).isEqualTo("Three");
        assertThatThrownBy(() -> client.getExecutionHistory(r -> r.executionArn(execution).nextToken("garbage")))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void taskTokensCompleteParkedTasks() {
        String arn = create("approvals", "approval");
        String approved = client.startExecution(r -> r.stateMachineArn(arn).name("ok").input("{\"build\":1}")).executionArn();
        await().atMost(Duration.ofSeconds(10)).until(() -> ecs.tokens.size() == 1);
        String token = ecs.tokens.get(0);
        client.sendTaskHeartbeat(r -> r.taskToken(token));
        client.sendTaskSuccess(r -> r.taskToken(token).output("{\"approvedBy\":\"ana\"}"));
        DescribeExecutionResponse done = awaitClosed(approved);
        assertThat(Json.parse(done.output()).path("approval").path("approvedBy").asText()).isEqualTo("ana");
        assertThatThrownBy(() -> client.sendTaskSuccess(r -> r.taskToken(token).output("{}")))
                .isInstanceOf(TaskTimedOutException.class);
        assertThatThrownBy(() -> client.sendTaskSuccess(r -> r.taskToken("forged").output("{}")))
                .isInstanceOf(InvalidTokenException.class);

        String rejected = client.startExecution(r -> r.stateMachineArn(arn).name("no").input("{\"build\":2}")).executionArn();
        await().atMost(Duration.ofSeconds(10)).until(() -> ecs.tokens.size() == 2);
        client.sendTaskFailure(r -> r.taskToken(ecs.tokens.get(1)).error("Rejected").cause("not on a Friday"));
        DescribeExecutionResponse failed = awaitClosed(rejected);
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.error()).isEqualTo("Rejected");
        assertThat(failed.cause()).isEqualTo("not on a Friday");
    }

    @Test
    void stopExecutionAbortsAWaitingExecution() {
        String arn = create("sleepy", "wait-long");
        String execution = client.startExecution(r -> r.stateMachineArn(arn)).executionArn();
        client.stopExecution(r -> r.executionArn(execution).error("Cancelled").cause("by /cancel"));
        DescribeExecutionResponse stopped = client.describeExecution(r -> r.executionArn(execution));
        assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
        List<HistoryEvent> events = client.getExecutionHistory(r -> r.executionArn(execution)).events();
        assertThat(events.get(events.size() - 1).type()).isEqualTo(HistoryEventType.EXECUTION_ABORTED);
        assertThat(events.get(events.size() - 1).executionAbortedEventDetails().cause()).isEqualTo("by /cancel");
    }

    @Test
    void redriveRerunsAFailedExecutionFromTheStateThatFailed() {
        String arn = create("deploys", "fails-then-fixed");
        String execution = client.startExecution(r -> r.stateMachineArn(arn).input("{}")).executionArn();
        DescribeExecutionResponse failed = awaitClosed(execution);
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.error()).isEqualTo("IllegalStateException");
        assertThat(failed.redriveStatusAsString()).isEqualTo("REDRIVABLE");

        client.redriveExecution(r -> r.executionArn(execution));
        DescribeExecutionResponse redriven = awaitClosed(execution);
        assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(redriven.redriveCount()).isEqualTo(1);
        assertThat(Json.parse(redriven.output())).isEqualTo(Json.parse("{\"deployed\":true}"));
        List<HistoryEvent> events = client.getExecutionHistory(r -> r.executionArn(execution).maxResults(1000)).events();
        assertThat(events).filteredOn(e -> e.type() == HistoryEventType.PASS_STATE_ENTERED).hasSize(1);
        assertThat(events).filteredOn(e -> e.type() == HistoryEventType.EXECUTION_REDRIVEN).hasSize(1);
        assertThat(deployCalls).hasValue(2);
    }

    @Test
    void startSyncExecutionRunsExpressMachinesOnly() {
        String express = client.createStateMachine(r -> r.name("quick").definition(fixture("pass-chain"))
                .roleArn("arn:aws:iam::000000000000:role/x").type("EXPRESS")).stateMachineArn();
        var result = client.startSyncExecution(r -> r.stateMachineArn(express).input("{}"));
        assertThat(result.statusAsString()).isEqualTo("SUCCEEDED");
        assertThat(Json.parse(result.output()).path("two").path("step").asInt()).isEqualTo(2);
        String standard = create("slow", "pass-chain");
        assertThatThrownBy(() -> client.startSyncExecution(r -> r.stateMachineArn(standard)))
                .isInstanceOf(StateMachineTypeNotSupportedException.class);
    }

    @Test
    void answersBadRequestsWithAwsErrorShapes() throws Exception {
        HttpResponse<String> unknown = post("AWSStepFunctions.LaunchRockets", "{}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(Json.parse(unknown.body()).path("__type").asText()).isEqualTo("UnknownOperationException");
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");

        HttpResponse<String> malformed = post("AWSStepFunctions.ListStateMachines", "{not json");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(Json.parse(malformed.body()).path("__type").asText()).isEqualTo("SerializationException");

        HttpResponse<String> missing = post("AWSStepFunctions.DescribeExecution", "{}");
        JsonNode body = Json.parse(missing.body());
        assertThat(body.path("__type").asText()).isEqualTo("ValidationException");
        assertThat(body.path("message").asText()).contains("executionArn");
    }

    private HttpResponse<String> post(String target, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(sfn.server.endpoint())
                .header("X-Amz-Target", target)
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private DescribeExecutionResponse awaitClosed(String executionArn) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> client.describeExecution(r -> r.executionArn(executionArn)),
                        d -> d.status() != ExecutionStatus.RUNNING);
    }

    private String create(String name, String fixture) {
        return client.createStateMachine(r -> r.name(name).definition(fixture(fixture))
                .roleArn("arn:aws:iam::000000000000:role/slipway")).stateMachineArn();
    }

    static String fixture(String name) {
        try (InputStream in = SfnApiTest.class.getResourceAsStream("/asl/" + name + ".asl.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
