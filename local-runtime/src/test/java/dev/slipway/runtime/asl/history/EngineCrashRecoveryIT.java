package dev.slipway.runtime.asl.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.runtime.asl.api.LocalSfn;
import dev.slipway.runtime.asl.eval.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/** Kills the engine process with kill -9 (destroyForcibly) mid-flight and checks what a restart makes of it. */
class EngineCrashRecoveryIT {
    @TempDir
    Path data;
    private Process engine;

    @AfterEach
    void kill() throws InterruptedException {
        if (engine != null) {
            engine.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void openExecutionsContinueFromTheirRecordedHistoryAfterKillDashNine() throws Exception {
        SfnClient before = LocalSfn.client(launch());
        String done = start(before, "finished", "pass-chain");
        String approval = start(before, "approval", "approval");
        String timer = start(before, "timer", "timer");
        String container = start(before, "container", "running-container");
        String variables = start(before, "variables", "assign-then-wait");
        await().atMost(Duration.ofSeconds(20)).until(() -> status(before, done) == ExecutionStatus.SUCCEEDED
                && hasEvent(before, approval, HistoryEventType.TASK_SCHEDULED)
                && hasEvent(before, timer, HistoryEventType.WAIT_STATE_ENTERED)
                && hasEvent(before, container, HistoryEventType.TASK_STARTED)
                && hasEvent(before, variables, HistoryEventType.WAIT_STATE_ENTERED));
        List<HistoryEvent> finishedHistory = history(before, done);
        List<HistoryEvent> approvalHistory = history(before, approval);
        before.close();

        engine.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        SfnClient after = LocalSfn.client(launch());

        assertThat(history(after, done)).isEqualTo(finishedHistory);
        assertThat(history(after, approval)).startsWith(approvalHistory.toArray(HistoryEvent[]::new));
        assertThat(status(after, approval)).isEqualTo(ExecutionStatus.RUNNING);
        String token = Json.parse(approvalHistory.stream().filter(e -> e.type() == HistoryEventType.TASK_SCHEDULED)
                .findFirst().orElseThrow().taskScheduledEventDetails().parameters()).path("token").asText();
        after.sendTaskSuccess(r -> r.taskToken(token).output("{\"approvedBy\":\"after-restart\"}"));

        assertThat(output(after, approval).path("approval").path("approvedBy").asText()).isEqualTo("after-restart");
        assertThat(output(after, timer)).isEqualTo(Json.parse("{\"build\":1,\"before\":\"before\",\"after\":\"after\"}"));
        assertThat(output(after, variables)).isEqualTo(Json.parse("{\"build\":42}"));
        JsonNode failure = output(after, container).path("failure");
        // Caught by "States.TaskFailed", which matches every task error but timeouts.
        assertThat(failure.path("Error").asText()).isEqualTo("Slipway.TaskInterrupted");
        assertThat(failure.path("Cause").asText()).contains("engine restarted while the task 'Build'");
        after.close();
    }

    private URI launch() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        engine = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashableEngineMain.class.getName(), "--port", "0", "--data", data.toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(engine.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    int at = line.indexOf("listening on ");
                    if (at >= 0) {
                        return line.substring(at + "listening on ".length()).split(" ")[0];
                    }
                }
                throw new IllegalStateException("The engine exited without printing its URL");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        URI endpoint = URI.create(url.join());
        CompletableFuture.runAsync(() -> out.lines().forEach(line -> { }));
        return endpoint;
    }

    private static String start(SfnClient client, String name, String fixture) throws IOException {
        String definition = Files.readString(Path.of("src/test/resources/asl/" + fixture + ".asl.json"));
        String machine = client.createStateMachine(r -> r.name(name).definition(definition)
                .roleArn("arn:aws:iam::000000000000:role/slipway")).stateMachineArn();
        return client.startExecution(r -> r.stateMachineArn(machine).name(name + "-1").input("{\"build\":1}")).executionArn();
    }

    private static ExecutionStatus status(SfnClient client, String execution) {
        return client.describeExecution(r -> r.executionArn(execution)).status();
    }

    private static boolean hasEvent(SfnClient client, String execution, HistoryEventType type) {
        return history(client, execution).stream().anyMatch(e -> e.type() == type);
    }

    private static List<HistoryEvent> history(SfnClient client, String execution) {
        return client.getExecutionHistory(r -> r.executionArn(execution).maxResults(1000)).events();
    }

    private static JsonNode output(SfnClient client, String execution) {
        DescribeExecutionResponse done = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> client.describeExecution(r -> r.executionArn(execution)), d -> d.status() != ExecutionStatus.RUNNING);
        assertThat(done.status()).as(done.error() + ": " + done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        return Json.parse(done.output());
    }
}
