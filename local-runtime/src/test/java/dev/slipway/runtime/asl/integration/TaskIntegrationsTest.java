package dev.slipway.runtime.asl.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.runtime.asl.Engine;
import dev.slipway.runtime.asl.eval.Execution;
import dev.slipway.runtime.asl.eval.ExecutionStatus;
import dev.slipway.runtime.asl.eval.Json;
import dev.slipway.runtime.asl.eval.VirtualDelayScheduler;
import dev.slipway.runtime.asl.history.HistoryEventType;
import dev.slipway.runtime.asl.history.MemoryEngineStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Task resources end to end on an in-process engine with virtual time. */
class TaskIntegrationsTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final FakeEcsTaskPort ecs = new FakeEcsTaskPort();
    private final VirtualDelayScheduler time = new VirtualDelayScheduler(pool, Instant.parse("2025-01-01T00:00:00Z"));
    private final LambdaIntegration lambdas = new LambdaIntegration(pool)
            .register("greet", payload -> Json.parse("{\"greeting\":\"hello " + payload.path("name").asText() + "\"}"));
    private final Engine engine = new Engine(new MemoryEngineStore(),
            new TaskIntegrations().register(lambdas).register(new EcsIntegration(ecs)), time.executor(), time, time.clock());

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void lambdaInvokeCallsTheRegisteredFunctionAndWrapsItsPayload() throws Exception {
        Execution run = run("lambda-invoke", "{\"who\":\"ana\"}");
        assertThat(run.output()).isEqualTo(Json.parse("{\"greeting\":\"hello ana\",\"status\":200}"));
        assertThat(types(run)).contains(HistoryEventType.TaskScheduled, HistoryEventType.TaskStarted, HistoryEventType.TaskSucceeded);
    }

    @Test
    void aPlainLambdaArnGetsTheStateInputAndRecordsLambdaEvents() throws Exception {
        Execution run = run("lambda-arn", "{\"name\":\"bo\"}");
        assertThat(run.output()).isEqualTo(Json.parse("{\"greeting\":\"hello bo\"}"));
        assertThat(types(run)).containsSubsequence(HistoryEventType.LambdaFunctionScheduled,
                HistoryEventType.LambdaFunctionStarted, HistoryEventType.LambdaFunctionSucceeded);
    }

    @Test
    void anUnregisteredFunctionFailsAsLambdaWouldReportIt() throws Exception {
        Engine bare = new Engine(new MemoryEngineStore(), new TaskIntegrations().register(new LambdaIntegration(pool)),
                time.executor(), time, time.clock());
        Execution run = run(bare, "lambda-arn", "{}");
        assertThat(run.error()).isEqualTo("Lambda.ResourceNotFoundException");
        assertThat(run.cause()).contains("greet");
    }

    @Test
    void anUnknownResourceFailsWithStatesRuntimeNamingTheArnAndCannotBeCaught() throws Exception {
        Execution run = run("unknown-resource", "{}");
        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.error()).isEqualTo("States.Runtime");
        assertThat(run.cause()).contains("arn:aws:states:::glue:startJobRun.sync").contains("'Mystery'");
    }

    @Test
    void ecsRunTaskSyncSucceedsOnExitZeroAndFailsTheStateOtherwise() throws Exception {
        assertThat(run("ecs-sync", "{\"definition\":\"exit-0\"}").output()).isEqualTo(Json.parse("{\"exitCode\":0}"));
        JsonNode failure = run("ecs-sync", "{\"definition\":\"exit-3\"}").output().path("failure");
        assertThat(failure.path("Error").asText()).isEqualTo("States.TaskFailed");
        assertThat(Json.parse(failure.path("Cause").asText()).path("containers").get(0).path("exitCode").asInt()).isEqualTo(3);
    }

    @Test
    void ecsRunTaskSyncTimesOutOnTheVirtualClock() throws Exception {
        Execution run = run("ecs-sync", "{\"definition\":\"run-until-stopped\"}");
        assertThat(run.output().path("failure").path("Error").asText()).isEqualTo("States.Timeout");
        assertThat(types(run)).contains(HistoryEventType.TaskTimedOut);
    }

    @Test
    void waitForTaskTokenHandsTheTokenToTheTaskAndParksUntilSendTaskSuccess() throws Exception {
        Execution run = start("ecs-token-no-heartbeat", "{}");
        await().atMost(Duration.ofSeconds(5)).until(() -> !ecs.tokensByTask.isEmpty());
        String token = ecs.tokensByTask.values().iterator().next();
        assertThat(engine.tokens().waiting(token)).isTrue();
        engine.sendTaskSuccess(token, "{\"approved\":true}");
        assertThat(run.done().get(5, TimeUnit.SECONDS).output()).isEqualTo(Json.parse("{\"approved\":true}"));
    }

    @Test
    void aParkedTaskWithoutHeartbeatsFailsWithHeartbeatTimeout() throws Exception {
        Execution run = start("ecs-token", "{}");
        // Virtual time: once nothing else can happen, the clock jumps to the 30 s heartbeat deadline.
        assertThat(run.done().get(5, TimeUnit.SECONDS).output().path("failure").path("Error").asText())
                .isEqualTo("States.HeartbeatTimeout");
    }

    @Test
    void startExecutionSyncRunsAChildExecutionAndReturnsItsOutput() throws Exception {
        String child = engine.createStateMachine("child", fixture("child"), null, null).arn();
        Execution ok = run("parent", "{\"child\":\"" + child + "\",\"n\":21}");
        assertThat(Json.write(ok.output())).isEqualTo("{\"status\":\"SUCCEEDED\",\"output\":{\"doubled\":42}}");

        Execution refused = run("parent", "{\"child\":\"" + child + "\",\"n\":0}");
        JsonNode cause = Json.parse(refused.output().path("failure").path("Cause").asText());
        assertThat(cause.path("Status").asText()).isEqualTo("FAILED");
        assertThat(cause.path("Error").asText()).isEqualTo("NotPositive");
        assertThat(engine.executions(child)).hasSize(2);
    }

    private Execution run(String fixture, String input) throws Exception {
        return run(engine, fixture, input);
    }

    private Execution run(Engine target, String fixture, String input) throws Exception {
        return start(target, fixture, input).done().get(10, TimeUnit.SECONDS);
    }

    private Execution start(String fixture, String input) {
        return start(engine, fixture, input);
    }

    private static Execution start(Engine target, String fixture, String input) {
        String machine = target.createStateMachine(fixture, fixture(fixture), null, null).arn();
        return target.startExecution(machine, null, input);
    }

    private static java.util.List<HistoryEventType> types(Execution run) {
        return run.events().stream().map(e -> e.type()).toList();
    }

    private static String fixture(String name) {
        try (InputStream in = TaskIntegrationsTest.class.getResourceAsStream("/asl/integrations/" + name + ".asl.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
