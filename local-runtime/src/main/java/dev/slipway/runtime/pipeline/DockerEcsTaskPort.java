package dev.slipway.runtime.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.core.task.CancelToken;
import dev.slipway.core.task.ContainerSpec;
import dev.slipway.core.task.TaskResult;
import dev.slipway.core.task.TaskRunner;
import dev.slipway.core.task.TaskSpec;
import dev.slipway.core.task.TaskStatus;
import dev.slipway.runtime.asl.eval.Json;
import dev.slipway.runtime.asl.eval.StateFailedException;
import dev.slipway.runtime.asl.integration.EcsTaskPort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The engine's {@code ecs:runTask} port on the local Docker daemon: RunTask's {@code TaskDefinition}
 * names a spec that prepare registered in {@link LocalTaskDefinitions}; the container overrides
 * (command, environment) are applied to it, and the {@link TaskRunner} runs it. The answer is the
 * stopped task as ECS describes it, so the state machine cannot tell the difference; StopTask
 * (a stopped execution, a state timeout) cancels the run.
 */
public final class DockerEcsTaskPort implements EcsTaskPort, AutoCloseable {

    /** How long a stop waits for running stages to remove their containers. */
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(30);

    private static final String TASK_ARN_PREFIX = "arn:aws:ecs:local:000000000000:task/slipway/";

    private final LocalTaskDefinitions definitions;
    private final TaskRunner runner;
    private final StageLogDirectory logs;
    private final Executor executor;
    private final Map<String, CancelToken> running = new ConcurrentHashMap<>();

    public DockerEcsTaskPort(LocalTaskDefinitions definitions, TaskRunner runner, StageLogDirectory logs, Executor executor) {
        this.definitions = definitions;
        this.runner = runner;
        this.logs = logs;
        this.executor = executor;
    }

    @Override
    public CompletionStage<JsonNode> run(JsonNode parameters, String taskToken) {
        String reference = parameters.path("TaskDefinition").asText();
        TaskSpec registered = definitions.find(reference).orElse(null);
        if (registered == null) {
            return CompletableFuture.failedFuture(new StateFailedException("ECS.ClientException",
                    "Unable to describe task definition '" + reference + "': it was not registered by prepare in this process"));
        }
        TaskSpec spec = RunTaskOverrides.apply(registered, parameters.path("Overrides"), taskToken);
        String taskArn = TASK_ARN_PREFIX + UUID.randomUUID();
        CancelToken cancel = new CancelToken();
        running.put(taskArn, cancel);
        CompletableFuture<JsonNode> task = CompletableFuture.supplyAsync(() -> {
            try {
                TaskResult result = runner.run(spec, logs.sink(spec.buildId(), spec.stage(), taskArn), cancel);
                logs.finish(spec.buildId(), spec.stage(), taskArn);
                result.digest().ifPresent(d -> logs.recordDigest(spec.buildId(), spec.stage(), taskArn, d));
                return describe(taskArn, reference, spec, result);
            } finally {
                running.remove(taskArn);
            }
        }, executor);
        task.whenComplete((v, e) -> {
            if (task.isCancelled()) {
                cancel.cancel("the state machine stopped the task (execution stopped or state timed out)");
            }
        });
        return task;
    }

    @Override
    public void stop(String taskArn, String reason) {
        CancelToken cancel = running.get(taskArn);
        if (cancel != null) {
            cancel.cancel(reason);
        }
    }

    /**
     * When {@code slipway up} stops (after the engine, so that no end is recorded and a restart runs the
     * stage again): cancels the stages still running and waits, at most {@link #STOP_PATIENCE}, until each
     * has removed its containers, network and volume. Without this a stop while a stage starts left them
     * on Docker until the next start.
     */
    @Override
    public void close() {
        running.values().forEach(cancel -> cancel.cancel("Slipway is stopping"));
        // A run leaves `running` only after its clean-up (the finally in run).
        Instant deadline = Instant.now().plus(STOP_PATIENCE);
        while (!running.isEmpty() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** DescribeTasks' shape for a STOPPED task; the essential containers carry the task's exit code. */
    static JsonNode describe(String taskArn, String reference, TaskSpec spec, TaskResult result) {
        ObjectNode task = Json.object();
        task.put("taskArn", taskArn);
        task.put("taskDefinitionArn", reference);
        task.put("lastStatus", "STOPPED");
        task.put("desiredStatus", "STOPPED");
        task.put("stopCode", result.status() == TaskStatus.CANCELLED ? "UserInitiated"
                : result.status() == TaskStatus.ERROR ? "TaskFailedToStart" : "EssentialContainerExited");
        task.put("stoppedReason", result.reason().isBlank() ? "Essential container in task exited" : result.reason());
        task.put("startedAt", result.timings().started().toString());
        task.put("stoppedAt", result.timings().finished().toString());
        List<ObjectNode> containers = new ArrayList<>();
        for (ContainerSpec c : spec.containers()) {
            ObjectNode container = Json.object();
            container.put("name", c.name());
            container.put("image", c.image());
            container.put("essential", c.essential());
            container.put("lastStatus", "STOPPED");
            exitCode(c, result).ifPresent(code -> container.put("exitCode", code));
            containers.add(container);
        }
        task.putArray("containers").addAll(containers);
        return task;
    }

    /**
     * A succeeded task's essential containers exited 0; a failed one's exit code goes to its
     * essential containers. A task that timed out, was stopped or never started has no exit code,
     * which makes runTask.sync fail as in ECS.
     */
    private static java.util.Optional<Integer> exitCode(ContainerSpec c, TaskResult result) {
        if (!c.essential()) {
            return java.util.Optional.empty();
        }
        return switch (result.status()) {
            case SUCCEEDED -> java.util.Optional.of(0);
            case FAILED -> java.util.Optional.of(result.exitCode().isPresent() ? result.exitCode().getAsInt() : 1);
            case TIMED_OUT, CANCELLED, ERROR -> java.util.Optional.empty();
        };
    }

    static Map<String, String> environment(JsonNode override) {
        Map<String, String> env = new LinkedHashMap<>();
        override.path("Environment").forEach(e -> env.put(e.path("Name").asText(), e.path("Value").asText()));
        return env;
    }
}
