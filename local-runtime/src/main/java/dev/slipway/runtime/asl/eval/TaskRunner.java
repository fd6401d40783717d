package dev.slipway.runtime.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.runtime.asl.history.HistoryEventType;
import dev.slipway.runtime.asl.integration.TaskIntegration;
import dev.slipway.runtime.asl.integration.TaskIntegrations;
import dev.slipway.runtime.asl.integration.TaskRequest;
import dev.slipway.runtime.asl.model.TaskState;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Task: calls the integration for {@code Resource} and records AWS's events for it (LambdaFunction*
 * for plain Lambda ARNs, Task* otherwise). {@code .waitForTaskToken} parks until SendTask*;
 * TimeoutSeconds and HeartbeatSeconds fail the attempt with States.Timeout / States.HeartbeatTimeout.
 */
final class TaskRunner implements StateRunner<TaskState> {
    private static final String WAIT_FOR_TOKEN = ".waitForTaskToken";
    private final TaskIntegrations integrations;
    private final DelayScheduler scheduler;
    private final TaskTokens tokens;

    TaskRunner(TaskIntegrations integrations, DelayScheduler scheduler, TaskTokens tokens) {
        this.integrations = integrations;
        this.scheduler = scheduler;
        this.tokens = tokens;
    }

    @Override
    public String taskToken(TaskState state, Resume resume) {
        if (state.resource() == null || !state.resource().endsWith(WAIT_FOR_TOKEN)) {
            return null;
        }
        return resume != null && resume.taskToken() != null ? resume.taskToken() : TaskTokens.newToken();
    }

    @Override
    public CompletableFuture<Outcome> work(TaskState state, StateCall call) {
        TaskEvents events = new TaskEvents(state.resource(), call);
        JsonNode tokenNode = call.context().path("Task").path("Token");
        String token = tokenNode.isMissingNode() ? null : tokenNode.asText();
        boolean firstAttempt = call.context().path("State").path("RetryCount").asInt() == 0;
        if (call.resume() != null && firstAttempt) {
            return resumed(state, call, events, token);
        }
        events.scheduled(call.payload(), token);
        events.started();
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        TaskIntegration integration = integrations.find(state.resource());
        TaskRequest request = new TaskRequest(state.resource(), call.payload(), state.name(), call.execution().arn(),
                token, call.context());
        CompletableFuture<JsonNode> handOff = Retrying.safely(() -> integration.invoke(request).toCompletableFuture());
        if (token != null) {
            park(state, call, token, result);
            handOff.whenComplete((ignored, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                }
            });
        } else {
            handOff.whenComplete((value, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(value);
                }
            });
        }
        armTimeout(state, call, result, call.execution().clock().instant());
        // AWS stops a .sync job when its state times out or its execution is stopped ("Step Functions
        // will stop the task", Run a Job pattern); the integration hears it as a cancelled hand-off.
        result.whenComplete((v, e) -> {
            if (e != null) {
                handOff.cancel(true);
            }
        });
        call.execution().done().whenComplete((x, e) -> handOff.cancel(true));
        return result.handle((value, error) -> events.finish(value, error));
    }

    /** After a restart: a parked token keeps waiting; any other running task lost its result. */
    private CompletableFuture<Outcome> resumed(TaskState state, StateCall call, TaskEvents events, String token) {
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        if (token != null && call.resume().taskToken() != null) {
            park(state, call, token, result);
            // The task's clock started when the state was entered, not when the engine came back.
            armTimeout(state, call, result, call.enteredTime());
        } else {
            result.completeExceptionally(new StateFailedException(ErrorNames.TASK_INTERRUPTED, "The engine restarted"
                    + " while the task '" + state.name() + "' (" + state.resource() + ") was running, so its result was"
                    + " lost. Add a Retry on " + ErrorNames.TASK_INTERRUPTED + " to run it again automatically, or redrive"
                    + " the execution."));
        }
        return result.handle((value, error) -> events.finish(value, error));
    }

    private void park(TaskState state, StateCall call, String token, CompletableFuture<JsonNode> result) {
        Duration heartbeat = seconds(state.heartbeatSeconds(), state.heartbeatSecondsPath(), "HeartbeatSeconds", call);
        AtomicReference<DelayScheduler.Handle> timer = new AtomicReference<>();
        Runnable beat = () -> {
            if (heartbeat == null) {
                return;
            }
            DelayScheduler.Handle previous = timer.getAndSet(scheduler.schedule(heartbeat, () ->
                    result.completeExceptionally(new StateFailedException(ErrorNames.HEARTBEAT_TIMEOUT, null))));
            if (previous != null) {
                previous.cancel();
            }
        };
        beat.run();
        result.whenComplete((v, e) -> {
            DelayScheduler.Handle h = timer.get();
            if (h != null) {
                h.cancel();
            }
        });
        tokens.park(token, call.execution().arn(), result, beat);
    }

    private void armTimeout(TaskState state, StateCall call, CompletableFuture<JsonNode> result, java.time.Instant since) {
        Duration timeout = seconds(state.timeoutSeconds(), state.timeoutSecondsPath(), "TimeoutSeconds", call);
        if (timeout != null && !result.isDone()) {
            Duration left = timeout.minus(Duration.between(since, call.execution().clock().instant()));
            DelayScheduler.Handle handle = scheduler.schedule(left.isNegative() ? Duration.ZERO : left, () ->
                    result.completeExceptionally(new StateFailedException(ErrorNames.TIMEOUT, null)));
            result.whenComplete((v, e) -> handle.cancel());
        }
    }

    private static Duration seconds(JsonNode literal, String path, String field, StateCall call) {
        JsonNode value = literal;
        if (call.jsonata() && JsonataEvaluator.isExpression(literal)) {
            value = JsonataEvaluator.resolve(literal, field, call.states(), call.scope().variables());
        } else if (path != null) {
            try {
                value = Paths.select(path, call.effective(), call.context(), call.scope().variables());
            } catch (PathMissingException e) {
                throw StateFailedException.runtime("The " + field + "Path '" + path + "' could not be found: " + e.getMessage());
            }
        }
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || value.asLong() <= 0) {
            throw StateFailedException.runtime("The " + field + " value must be a positive integer, but was " + Json.write(value));
        }
        return Duration.ofSeconds(value.asLong());
    }

    /** The history events of one task call, in AWS's shapes. */
    private static final class TaskEvents {
        private final String resource;
        private final StateCall call;
        private final boolean lambda;

        TaskEvents(String resource, StateCall call) {
            this.resource = resource;
            this.call = call;
            this.lambda = resource.startsWith("arn:aws:lambda:");
        }

        void scheduled(JsonNode parameters, String token) {
            ObjectNode details = Json.object();
            if (lambda) {
                details.put("resource", resource);
                details.put("input", Json.write(parameters));
                details.putObject("inputDetails").put("truncated", false);
                append(HistoryEventType.LambdaFunctionScheduled, details, null);
                return;
            }
            details.put("resourceType", resourceType());
            details.put("resource", resourceName());
            details.put("region", "us-east-1");
            details.put("parameters", Json.write(parameters));
            append(HistoryEventType.TaskScheduled, details, token);
        }

        void started() {
            if (lambda) {
                append(HistoryEventType.LambdaFunctionStarted, null, null);
            } else {
                append(HistoryEventType.TaskStarted, base(), null);
            }
        }

        Outcome finish(JsonNode value, Throwable error) {
            if (error == null) {
                ObjectNode details = lambda ? Json.object() : base();
                details.put("output", Json.write(value));
                details.putObject("outputDetails").put("truncated", false);
                append(lambda ? HistoryEventType.LambdaFunctionSucceeded : HistoryEventType.TaskSucceeded, details, null);
                return Outcome.of(value);
            }
            StateFailedException failure = StateTemplate.unwrap(error);
            if (failure == null) {
                failure = new StateFailedException(ErrorNames.TASK_FAILED, String.valueOf(Interpreter.unwrap(error)));
            }
            ObjectNode details = lambda ? Json.object() : base();
            if (failure.error() != null) {
                details.put("error", failure.error());
            }
            if (failure.failureCause() != null) {
                details.put("cause", failure.failureCause());
            }
            boolean timedOut = ErrorNames.TIMEOUT.equals(failure.error()) || ErrorNames.HEARTBEAT_TIMEOUT.equals(failure.error());
            HistoryEventType type = lambda
                    ? (timedOut ? HistoryEventType.LambdaFunctionTimedOut : HistoryEventType.LambdaFunctionFailed)
                    : (timedOut ? HistoryEventType.TaskTimedOut : HistoryEventType.TaskFailed);
            append(type, details, null);
            throw failure;
        }

        private ObjectNode base() {
            ObjectNode details = Json.object();
            details.put("resourceType", resourceType());
            details.put("resource", resourceName());
            return details;
        }

        /** {@code arn:aws:states:::lambda:invoke} → "lambda"; a plain ARN → its service. */
        private String resourceType() {
            String[] parts = resource.split(":");
            return parts.length > 5 && parts[2].equals("states") ? parts[5] : parts.length > 2 ? parts[2] : resource;
        }

        private String resourceName() {
            String[] parts = resource.split(":", 7);
            return parts.length > 6 && parts[2].equals("states") ? parts[6] : resource;
        }

        private void append(HistoryEventType type, ObjectNode details, String internal) {
            call.execution().append(type, details, call.scope().path(), internal);
        }
    }
}
