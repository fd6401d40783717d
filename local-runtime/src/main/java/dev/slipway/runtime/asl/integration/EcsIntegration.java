package dev.slipway.runtime.asl.integration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.runtime.asl.eval.Json;
import dev.slipway.runtime.asl.eval.StateFailedException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code arn:aws:states:::ecs:runTask}, {@code .sync} and {@code .waitForTaskToken}, through an
 * {@link EcsTaskPort}. As in AWS, {@code .sync} fails with States.TaskFailed (the task description as
 * cause) when an essential container exits non-zero; plain runTask returns once the task is handed over.
 */
public final class EcsIntegration implements TaskIntegration {
    private static final String RUN_TASK = "arn:aws:states:::ecs:runTask";
    private final EcsTaskPort port;

    public EcsIntegration(EcsTaskPort port) {
        this.port = port;
    }

    @Override
    public boolean handles(String resource) {
        return resource.equals(RUN_TASK) || resource.equals(RUN_TASK + ".sync") || resource.equals(RUN_TASK + ".waitForTaskToken");
    }

    @Override
    public CompletionStage<JsonNode> invoke(TaskRequest request) {
        boolean sync = request.resource().endsWith(".sync");
        CompletableFuture<JsonNode> running = port.run(request.input(), request.taskToken()).toCompletableFuture();
        CompletableFuture<JsonNode> answer = running.thenApply(task -> {
            if (sync && !succeeded(task)) {
                throw new StateFailedException("States.TaskFailed", Json.write(task));
            }
            return task;
        });
        // A cancelled answer (state timed out, execution stopped) reaches the port as a cancelled run: StopTask.
        answer.whenComplete((v, e) -> {
            if (answer.isCancelled()) {
                running.cancel(true);
            }
        });
        return answer;
    }

    /** Every essential container (all, unless marked otherwise) exited 0. */
    static boolean succeeded(JsonNode task) {
        for (JsonNode container : task.path("containers")) {
            boolean essential = container.path("essential").asBoolean(true);
            if (essential && container.path("exitCode").asInt(-1) != 0) {
                return false;
            }
        }
        return true;
    }
}
