package dev.slipway.runtime.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.runtime.asl.history.HistoryEvent;
import dev.slipway.runtime.asl.history.HistoryEventType;
import dev.slipway.runtime.asl.integration.TaskIntegrations;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;

/**
 * Starts, finishes, stops, resumes and redrives executions: the execution-level events around what
 * the {@link Interpreter} does inside. Resuming reads only the recorded history.
 */
public final class ExecutionDriver {
    private final Interpreter interpreter;
    private final Executor executor;
    private final DelayScheduler scheduler;
    private final TaskTokens tokens;

    public ExecutionDriver(TaskIntegrations integrations, DelayScheduler scheduler, Executor executor, TaskTokens tokens) {
        this.interpreter = new Interpreter(integrations, scheduler, executor, tokens);
        this.executor = executor;
        this.scheduler = scheduler;
        this.tokens = tokens;
    }

    public void start(Execution execution) {
        ObjectNode details = Json.object();
        details.put("input", execution.record().input());
        details.putObject("inputDetails").put("truncated", false);
        details.put("roleArn", "arn:aws:iam::000000000000:role/slipway-local");
        details.put("stateMachineArn", execution.record().stateMachineArn());
        execution.append(HistoryEventType.ExecutionStarted, details, "", null);
        armExecutionTimeout(execution);
        executor.execute(() -> runFrom(execution, execution.program().startAt(), execution.input(), null));
    }

    /** Continues an execution from its recorded history after a restart. */
    public void resume(Execution execution, List<HistoryEvent> recorded) {
        execution.restore(recorded);
        HistoryReplay replay = HistoryReplay.of(recorded);
        execution.variables(replay.variables());
        replay.applyRedrives(execution);
        if (replay.closing() != null) {
            replay.applyClosing(execution);
            return;
        }
        armExecutionTimeout(execution);
        HistoryReplay.parkedTokens(recorded).forEach(token -> tokens.reserve(token, execution.arn()));
        executor.execute(() -> continueAt(execution, replay));
    }

    /** Re-runs a failed, aborted or timed-out execution from the top-level state where it stopped. */
    public void redrive(Execution execution) {
        HistoryReplay replay = HistoryReplay.of(execution.events());
        execution.reopenForRedrive(execution.clock().instant());
        execution.variables(replay.variables());
        ObjectNode details = Json.object();
        details.put("redriveCount", execution.redriveCount());
        execution.append(HistoryEventType.ExecutionRedriven, details, "", null);
        HistoryEvent entered = replay.openState();
        String state = entered != null ? entered.details().path("name").asText() : execution.program().startAt();
        JsonNode input = entered != null ? Json.parse(entered.details().path("input").asText())
                : Json.parse(execution.record().input());
        executor.execute(() -> runFrom(execution, state, input, null));
    }

    private void continueAt(Execution execution, HistoryReplay replay) {
        complete(execution, interpreter.continueFrom(execution.program(), replay, Json.parse(execution.record().input()),
                Scope.top(execution)));
    }

    private void runFrom(Execution execution, String state, JsonNode input, Resume resume) {
        complete(execution, interpreter.runFrom(execution.program(), state, input, Scope.top(execution), resume));
    }

    private void complete(Execution execution, java.util.concurrent.CompletableFuture<JsonNode> run) {
        run.whenComplete((output, error) -> {
            if (error == null) {
                succeed(execution, output);
            } else {
                fail(execution, Interpreter.unwrap(error));
            }
        });
    }

    private void succeed(Execution execution, JsonNode output) {
        ObjectNode details = Json.object();
        details.put("output", Json.write(output));
        details.putObject("outputDetails").put("truncated", false);
        execution.close(HistoryEventType.ExecutionSucceeded, details, ExecutionStatus.SUCCEEDED, output, null, null);
    }

    private void fail(Execution execution, Throwable error) {
        if (!execution.status().open() || error instanceof CancellationException) {
            return;
        }
        StateFailedException failure = error instanceof StateFailedException f ? f
                : new StateFailedException(ErrorNames.RUNTIME, "The engine failed internally: " + error);
        ObjectNode details = Json.object();
        if (failure.error() != null) {
            details.put("error", failure.error());
        }
        if (failure.failureCause() != null) {
            details.put("cause", failure.failureCause());
        }
        execution.close(HistoryEventType.ExecutionFailed, details, ExecutionStatus.FAILED, null, failure.error(),
                failure.failureCause());
    }

    /** StopExecution: aborts at once; states still running notice it and record nothing more. */
    public boolean stop(Execution execution, String error, String cause) {
        if (!execution.status().open()) {
            return false;
        }
        ObjectNode details = Json.object();
        if (error != null) {
            details.put("error", error);
        }
        if (cause != null) {
            details.put("cause", cause);
        }
        boolean stopped = execution.close(HistoryEventType.ExecutionAborted, details, ExecutionStatus.ABORTED, null, error, cause);
        tokens.abandon(execution.arn());
        return stopped;
    }

    private void armExecutionTimeout(Execution execution) {
        JsonNode timeout = execution.program().timeoutSeconds();
        if (!timeout.isIntegralNumber()) {
            return;
        }
        java.time.Instant deadline = execution.record().startDate().plusSeconds(timeout.asLong());
        scheduler.schedule(Duration.between(execution.clock().instant(), deadline), () -> timeOut(execution));
    }

    private void timeOut(Execution execution) {
        if (!execution.status().open()) {
            return;
        }
        ObjectNode details = Json.object();
        details.put("error", ErrorNames.TIMEOUT);
        details.put("cause", "The execution ran longer than the state machine's TimeoutSeconds");
        execution.close(HistoryEventType.ExecutionTimedOut, details, ExecutionStatus.TIMED_OUT, null, ErrorNames.TIMEOUT,
                details.get("cause").asText());
        tokens.abandon(execution.arn());
    }
}
