package dev.slipway.functions.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.StageRecord;
import dev.slipway.core.build.StageStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The stage events of {@link RecordFunction}: each one change of one {@link StageRecord}. */
final class StageResults {

    /** How many log lines a failure carries into the record's reason and the Slack thread. */
    static final int FAILURE_LINES = 20;

    private final PipelineServices services;

    StageResults(PipelineServices services) {
        this.services = services;
    }

    ObjectNode started(BuildId id, JsonNode payload) {
        Instant now = services.clock().instant();
        String stage = Payloads.text(payload, "stage");
        String service = recordAs(payload);
        services.builds().modify(id, b -> {
            StageRecord current = RecordFunction.stageOf(b, stage, service);
            StageRecord next = current.status() == StageStatus.FAILED
                    ? new StageRecord(stage, service, StageStatus.RUNNING, current.attempt() + 1, now, null, null, null, null, null)
                    : current.started(now);
            return RecordFunction.running(b, now).withStage(next, now);
        });
        return JsonFunction.JSON.createObjectNode();
    }

    /** A failed attempt of a stage with {@code retry:} left: recorded FAILED, then started again. */
    ObjectNode retrying(BuildId id, JsonNode payload) {
        finish(id, payload, failure(payload));
        ObjectNode answer = JsonFunction.JSON.createObjectNode();
        answer.put("left", Math.max(0, payload.path("retry").path("left").asInt() - 1));
        return answer;
    }

    ObjectNode succeeded(BuildId id, JsonNode payload) {
        TaskOutcome task = TaskOutcome.of(payload.path("task"));
        String stage = Payloads.text(payload, "stage");
        Optional<String> digest = services.logs().digest(id.value(), taskStage(payload), task.taskArn());
        String repository = Payloads.optionalText(payload, "image");
        Optional<String> pointer = services.logs().pointer(id.value(), taskStage(payload), task.taskArn());
        Instant now = services.clock().instant();
        String service = recordAs(payload);
        services.builds().modify(id, b -> {
            StageRecord done = RecordFunction.stageOf(b, stage, service)
                    .finished(StageStatus.SUCCEEDED, now, task.exitCode().isPresent() ? task.exitCode().getAsInt() : 0, null);
            done = pointer.map(done::withLog).orElse(done);
            BuildRecord next = b.withStage(done, now);
            if (digest.isPresent() && !repository.isBlank()) {
                String image = repository + "@" + digest.get();
                next = next.withStage(done.withImageDigest(image), now).withImage(service, image, now);
            }
            return next;
        });
        return JsonFunction.JSON.createObjectNode();
    }

    ObjectNode failed(BuildId id, JsonNode payload) {
        Failure failure = failure(payload);
        StageRecord stage = finish(id, payload, failure);
        String cause = describe(payload, failure, stage);
        BuildRecord build = services.builds().find(id).orElseThrow();
        String ref = Payloads.messageRef(payload);
        if (!ref.isBlank()) {
            services.notifier().stageFailed(build, ref, stage.name(), stage.service(), failure.lastLines(), stage.logPointer());
        }
        return answer(failure.error(), cause);
    }

    /** An approval that did not end in a yes: rejected by an approver, or expired. */
    ObjectNode approvalEnded(BuildId id, JsonNode payload) {
        String error = payload.path("error").path("Error").asText("Slipway.ApprovalRejected");
        String cause = payload.path("error").path("Cause").asText("the approval was not granted");
        Instant now = services.clock().instant();
        String stage = Payloads.text(payload, "stage");
        services.builds().modify(id, b -> RecordFunction.running(b, now).withStage(
                RecordFunction.stageOf(b, stage, recordAs(payload)).finished(StageStatus.FAILED, now, null, cause), now));
        return answer(error, cause);
    }

    private StageRecord finish(BuildId id, JsonNode payload, Failure failure) {
        Instant now = services.clock().instant();
        String stage = Payloads.text(payload, "stage");
        String service = recordAs(payload);
        Optional<String> pointer = services.logs().pointer(id.value(), taskStage(payload), failure.task().taskArn());
        BuildRecord stored = services.builds().modify(id, b -> {
            StageRecord done = RecordFunction.stageOf(b, stage, service).finished(failure.status(), now,
                    failure.task().exitCode().isPresent() ? failure.task().exitCode().getAsInt() : null, failure.reason());
            return RecordFunction.running(b, now).withStage(pointer.map(done::withLog).orElse(done), now);
        });
        return RecordFunction.stageOf(stored, stage, service);
    }

    private Failure failure(JsonNode payload) {
        JsonNode error = payload.path("error");
        String name = error.path("Error").asText("States.TaskFailed");
        String cause = error.path("Cause").asText("");
        TaskOutcome task = TaskOutcome.fromCause(cause);
        List<String> lines = services.logs().lastLines(Payloads.text(payload, "buildId"), taskStage(payload),
                task.taskArn(), FAILURE_LINES);
        return switch (name) {
            case "States.Timeout" -> new Failure("Slipway.StageTimedOut", StageStatus.TIMED_OUT, task,
                    "the stage ran longer than its timeout and was stopped; raise timeout: in .slipway.yml if it needs longer", lines);
            case "States.TaskFailed" -> new Failure("Slipway.StageFailed", StageStatus.FAILED, task,
                    task.exitCode().isPresent() ? "exited with code " + task.exitCode().getAsInt()
                            + (task.stoppedReason().isBlank() ? "" : " (" + task.stoppedReason() + ")")
                            : cause.isBlank() ? "the task failed" : cause, lines);
            default -> new Failure(name.startsWith("Slipway.") ? name : "Slipway.StageFailed", StageStatus.FAILED, task,
                    cause.isBlank() ? name : name + ": " + Causes.readable(cause), lines);
        };
    }

    private String describe(JsonNode payload, Failure failure, StageRecord stage) {
        String service = Payloads.service(payload);
        String where = stage.name() + (service.isBlank() ? "" : " of " + service);
        List<String> last = failure.lastLines();
        String line = last.isEmpty() ? "" : "; last line: " + last.get(last.size() - 1);
        return where + " " + (failure.status() == StageStatus.TIMED_OUT ? "timed out: " : "failed: ") + failure.reason() + line;
    }

    private static ObjectNode answer(String error, String cause) {
        ObjectNode answer = JsonFunction.JSON.createObjectNode();
        answer.put("error", error);
        answer.put("cause", cause);
        return answer;
    }

    /** The service a stage record belongs to: dispatch records every stage with its service's name. */
    static String recordAs(JsonNode payload) {
        String service = Payloads.service(payload);
        return service.isBlank() ? null : service;
    }

    /** The task's stage name, as {@code StageTaskCompiler.taskStage} gives it to the task and its logs. */
    private static String taskStage(JsonNode payload) {
        return Payloads.text(payload, "service") + "." + Payloads.text(payload, "stage");
    }

    private record Failure(String error, StageStatus status, TaskOutcome task, String reason, List<String> lastLines) {
    }
}
