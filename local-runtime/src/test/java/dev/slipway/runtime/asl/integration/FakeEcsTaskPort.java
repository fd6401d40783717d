package dev.slipway.runtime.asl.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.runtime.asl.eval.Json;
import dev.slipway.runtime.asl.eval.StateFailedException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An ECS that runs nothing: task definition {@code exit-N} stops at once with exit code N, and
 * {@code run-until-stopped} runs until {@link #stop} (exit code 137) or {@link #finish} (0). It checks what RunTask checks first: a
 * TaskDefinition is required. Tokens given for .waitForTaskToken are kept per task.
 */
public final class FakeEcsTaskPort implements EcsTaskPort {
    public final Map<String, String> tokensByTask = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonNode>> running = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<JsonNode> run(JsonNode parameters, String taskToken) {
        String definition = parameters.path("TaskDefinition").asText(null);
        if (definition == null) {
            return CompletableFuture.failedFuture(new StateFailedException("ECS.InvalidParameterException",
                    "TaskDefinition can not be blank."));
        }
        String taskArn = "arn:aws:ecs:us-east-1:000000000000:task/local/" + UUID.randomUUID();
        if (taskToken != null) {
            tokensByTask.put(taskArn, taskToken);
        }
        if (definition.startsWith("exit-")) {
            return CompletableFuture.completedFuture(stopped(taskArn, Integer.parseInt(definition.substring(5)), "Essential container in task exited"));
        }
        CompletableFuture<JsonNode> task = new CompletableFuture<>();
        running.put(taskArn, task);
        return taskToken != null ? CompletableFuture.completedFuture(description(taskArn, "RUNNING")) : task;
    }

    @Override
    public void stop(String taskArn, String reason) {
        CompletableFuture<JsonNode> task = running.remove(taskArn);
        if (task != null) {
            task.complete(stopped(taskArn, 137, reason));
        }
    }

    /** Ends a running task as if its essential container exited 0. */
    public void finish(String taskArn) {
        CompletableFuture<JsonNode> task = running.remove(taskArn);
        if (task != null) {
            task.complete(stopped(taskArn, 0, "Essential container in task exited"));
        }
    }

    public java.util.Set<String> runningTasks() {
        return running.keySet();
    }

    private static JsonNode stopped(String taskArn, int exitCode, String reason) {
        ObjectNode task = description(taskArn, "STOPPED");
        task.put("stoppedReason", reason);
        ((ObjectNode) task.withArray("containers").get(0)).put("exitCode", exitCode);
        return task;
    }

    private static ObjectNode description(String taskArn, String status) {
        ObjectNode task = Json.object();
        task.put("taskArn", taskArn);
        task.put("lastStatus", status);
        ObjectNode container = task.putArray("containers").addObject();
        container.put("name", "stage");
        container.put("essential", true);
        return task;
    }
}
