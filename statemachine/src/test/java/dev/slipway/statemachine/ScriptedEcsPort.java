package dev.slipway.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.core.task.LogLine;
import dev.slipway.core.task.LogSink;
import dev.slipway.core.task.TaskOutputs;
import dev.slipway.core.task.TaskSpec;
import dev.slipway.runtime.asl.eval.Json;
import dev.slipway.runtime.asl.eval.StateFailedException;
import dev.slipway.runtime.asl.integration.EcsTaskPort;
import dev.slipway.runtime.pipeline.LocalTaskDefinitions;
import dev.slipway.runtime.pipeline.StageLogDirectory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An ECS port where Docker is not the point: each stage task ends as the test scripted it
 * (exit code, printed lines, a transient RunTask error, or running until stopped), answering in
 * ECS's shape, with its output in the stage log directory as the Docker port writes it.
 */
final class ScriptedEcsPort implements EcsTaskPort {

    /** What one run of a stage does. */
    sealed interface Outcome {
        record Exit(int code, List<String> lines) implements Outcome {
        }

        record Transient(String error) implements Outcome {
        }

        record UntilStopped() implements Outcome {
        }
    }

    private final LocalTaskDefinitions definitions;
    private final StageLogDirectory logs;
    private final Map<String, Queue<Outcome>> scripts = new ConcurrentHashMap<>();
    final List<String> started = new CopyOnWriteArrayList<>();
    final List<String> stopped = new CopyOnWriteArrayList<>();
    private final Map<String, CompletableFuture<JsonNode>> running = new ConcurrentHashMap<>();
    private final AtomicInteger tasks = new AtomicInteger();

    ScriptedEcsPort(LocalTaskDefinitions definitions, StageLogDirectory logs) {
        this.definitions = definitions;
        this.logs = logs;
    }

    /** Scripts the runs of a task stage ({@code api.integration}); unscripted runs exit 0. */
    ScriptedEcsPort script(String taskStage, Outcome... outcomes) {
        scripts.computeIfAbsent(taskStage, s -> new ConcurrentLinkedQueue<>()).addAll(List.of(outcomes));
        return this;
    }

    @Override
    public CompletionStage<JsonNode> run(JsonNode parameters, String taskToken) {
        TaskSpec spec = definitions.find(parameters.path("TaskDefinition").asText()).orElseThrow();
        started.add(spec.stage());
        Queue<Outcome> script = scripts.get(spec.stage());
        Outcome outcome = script == null || script.isEmpty() ? defaultOutcome(spec) : script.poll();
        String arn = "arn:aws:ecs:local:000000000000:task/slipway/scripted-" + tasks.incrementAndGet();
        if (outcome instanceof Outcome.Transient t) {
            return CompletableFuture.failedFuture(new StateFailedException(t.error(), "Capacity is unavailable at this time."));
        }
        if (outcome instanceof Outcome.UntilStopped) {
            CompletableFuture<JsonNode> pending = new CompletableFuture<>();
            running.put(arn, pending);
            pending.whenComplete((v, e) -> {
                if (pending.isCancelled()) {
                    stopped.add(arn);
                }
            });
            return pending;
        }
        Outcome.Exit exit = (Outcome.Exit) outcome;
        LogSink sink = logs.sink(spec.buildId(), spec.stage(), arn);
        exit.lines().forEach(l -> sink.accept(new LogLine(Instant.now(), "step", LogLine.Stream.STDOUT, l)));
        logs.finish(spec.buildId(), spec.stage(), arn);
        return CompletableFuture.completedFuture(stopped(arn, exit.code(), "Essential container in task exited"));
    }

    /** A build stage prints the digest of the image it pushed, as slipway-builder does. */
    private static Outcome defaultOutcome(TaskSpec spec) {
        if (spec.stage().endsWith(".build")) {
            return new Outcome.Exit(0, List.of("pushed", TaskOutputs.digestLine("sha256:" + "e".repeat(64))));
        }
        return new Outcome.Exit(0, List.of("ok"));
    }

    @Override
    public void stop(String taskArn, String reason) {
        stopped.add(taskArn);
        CompletableFuture<JsonNode> pending = running.remove(taskArn);
        if (pending != null) {
            pending.complete(stopped(taskArn, 137, reason));
        }
    }

    private static JsonNode stopped(String arn, int code, String reason) {
        ObjectNode task = Json.object();
        task.put("taskArn", arn);
        task.put("lastStatus", "STOPPED");
        task.put("stoppedReason", reason);
        ObjectNode step = task.putArray("containers").addObject();
        step.put("name", "step");
        step.put("essential", true);
        step.put("exitCode", code);
        return task;
    }
}
