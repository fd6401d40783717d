package dev.slipway.runtime.asl.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.runtime.asl.eval.Json;
import dev.slipway.runtime.asl.eval.StateFailedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link EcsTaskPort} keeps (the Docker adapter and the fake alike). An adapter's
 * test extends this and says how to express three tasks in its world.
 */
public abstract class EcsTaskPortContract {

    protected abstract EcsTaskPort port();

    /** RunTask parameters of a task whose essential container exits 0. */
    protected abstract JsonNode succeedingTask();

    /** RunTask parameters of a task whose essential container exits 3. */
    protected abstract JsonNode failingTask();

    /** RunTask parameters of a task that runs until stopped. */
    protected abstract JsonNode longTask();

    protected Duration patience() {
        return Duration.ofSeconds(5);
    }

    @Test
    void aTaskCompletesWithItsStoppedDescription() throws Exception {
        JsonNode task = await(port().run(succeedingTask(), null).toCompletableFuture());
        assertThat(task.path("lastStatus").asText()).isEqualTo("STOPPED");
        assertThat(task.path("taskArn").asText()).startsWith("arn:aws:ecs:");
        assertThat(task.path("containers").get(0).path("exitCode").asInt()).isZero();
    }

    @Test
    void aNonZeroExitStillCompletesNormallySoTheEngineCanDecide() throws Exception {
        JsonNode task = await(port().run(failingTask(), null).toCompletableFuture());
        assertThat(task.path("containers").get(0).path("exitCode").asInt()).isEqualTo(3);
        assertThat(EcsIntegration.succeeded(task)).isFalse();
    }

    @Test
    void aTaskThatCannotRunFailsWithAnEcsNamedError() {
        CompletableFuture<JsonNode> run = port().run(Json.parse("{}"), null).toCompletableFuture();
        assertThatThrownBy(() -> run.get(patience().toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(StateFailedException.class)
                .satisfies(e -> assertThat(((StateFailedException) e).error()).startsWith("ECS."));
    }

    @Test
    void stoppingIsSafeTwiceAndEndsTheTask() throws Exception {
        CompletableFuture<JsonNode> run = port().run(longTask(), null).toCompletableFuture();
        String arn = runningArn();
        port().stop(arn, "cancelled");
        port().stop(arn, "cancelled again");
        JsonNode task = await(run);
        assertThat(task.path("lastStatus").asText()).isEqualTo("STOPPED");
    }

    @Test
    void runsManyTasksAtOnce() throws Exception {
        List<CompletableFuture<JsonNode>> runs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            runs.add(port().run(succeedingTask(), null).toCompletableFuture());
        }
        for (CompletableFuture<JsonNode> run : runs) {
            assertThat(await(run).path("containers").get(0).path("exitCode").asInt()).isZero();
        }
        assertThat(runs.stream().map(r -> r.join().path("taskArn").asText()).distinct()).hasSize(20);
    }

    /** The ARN of the one long task just started (adapters find it their own way). */
    protected abstract String runningArn() throws Exception;

    private JsonNode await(CompletableFuture<JsonNode> run) throws Exception {
        return run.get(patience().toMillis(), TimeUnit.MILLISECONDS);
    }
}
