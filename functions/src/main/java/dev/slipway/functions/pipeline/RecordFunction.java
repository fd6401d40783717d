package dev.slipway.functions.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildStatus;
import dev.slipway.core.build.StageRecord;
import dev.slipway.core.build.StageStatus;
import java.time.Instant;

/**
 * Stores what the state machine reports about a build: stage started, retrying, succeeded or
 * failed, an approval that ended without a yes, and the build's end. After each change the build's
 * message is rendered again. Input: {@code {event, buildId, service, stage, task | error, notify}}.
 * For failures it answers {@code {error, cause}}: the error name the execution fails with and a
 * cause written for people.
 */
public final class RecordFunction extends JsonFunction {

    private final PipelineServices services;
    private final StageResults stages;

    public RecordFunction() {
        this(PipelineWiring.fromEnvironment().services());
    }

    public RecordFunction(PipelineServices services) {
        this.services = services;
        this.stages = new StageResults(services);
    }

    @Override
    public JsonNode handle(JsonNode payload) {
        String event = Payloads.text(payload, "event");
        BuildId id = Payloads.buildId(payload);
        ObjectNode answer = switch (event) {
            case "stage-started" -> stages.started(id, payload);
            case "stage-retrying" -> stages.retrying(id, payload);
            case "stage-succeeded" -> stages.succeeded(id, payload);
            case "stage-failed" -> stages.failed(id, payload);
            case "approval-ended" -> stages.approvalEnded(id, payload);
            case "build-succeeded" -> ended(id, BuildStatus.SUCCEEDED, null, null);
            case "build-failed" -> buildFailed(id, payload.path("error"));
            default -> throw new PayloadInvalidException("unknown record event '" + event + "'; known: stage-started, "
                    + "stage-retrying, stage-succeeded, stage-failed, approval-ended, build-succeeded, build-failed");
        };
        BuildRecord build = services.builds().find(id).orElseThrow();
        services.notifier().buildChanged(build, Payloads.channel(payload), Payloads.messageRef(payload));
        return answer;
    }

    private ObjectNode buildFailed(BuildId id, JsonNode error) {
        String name = error.path("Error").asText("Slipway.Failed");
        String cause = Causes.readable(error.path("Cause").asText(""));
        BuildStatus status = name.equals(RollbackFunction.ROLLED_BACK) ? BuildStatus.ROLLED_BACK : BuildStatus.FAILED;
        return ended(id, status, name, cause.isBlank() ? name : cause);
    }

    private ObjectNode ended(BuildId id, BuildStatus status, String error, String cause) {
        Instant now = services.clock().instant();
        services.builds().modify(id, b -> b.status().isTerminal() ? b : running(b, now).withStatus(status, cause, now));
        ObjectNode answer = JSON.createObjectNode();
        answer.put("status", status.name());
        answer.put("error", error == null ? "" : error);
        answer.put("cause", cause == null ? "" : cause);
        return answer;
    }

    /** A build may end straight from QUEUED only as FAILED or CANCELLED; pass through RUNNING otherwise. */
    static BuildRecord running(BuildRecord build, Instant now) {
        return build.status() == BuildStatus.QUEUED || build.status() == BuildStatus.WAITING_APPROVAL
                ? build.withStatus(BuildStatus.RUNNING, null, now) : build;
    }

    /**
     * Once an environment's deploy starts, its approval was granted: the stage the approval recorded
     * (under the environment's deploy name, without a service) ends, so no stage stays waiting.
     */
    static BuildRecord approvalGranted(BuildRecord build, String stage, Instant now) {
        StageRecord waiting = stageOf(build, stage, null);
        return waiting.status() == StageStatus.WAITING_APPROVAL
                ? build.withStage(waiting.finished(StageStatus.SUCCEEDED, now, null, null), now) : build;
    }

    /** The stage as recorded, or a new pending one. */
    static StageRecord stageOf(BuildRecord build, String name, String service) {
        return build.stages().stream()
                .filter(s -> s.name().equals(name) && java.util.Objects.equals(s.service(), service))
                .findFirst().orElse(StageRecord.pending(name, service));
    }
}
