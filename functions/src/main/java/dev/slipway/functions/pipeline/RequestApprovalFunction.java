package dev.slipway.functions.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.core.approval.Approval;
import dev.slipway.core.approval.ApprovalState;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildStatus;
import dev.slipway.core.build.StageRecord;
import dev.slipway.core.build.StageStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Called by a {@code .waitForTaskToken} state: stores the task token with the approvers, the
 * required count and the expiry, marks the build as waiting, and posts the request with its
 * buttons. The bot answers the token when enough approvers decided (or one rejected); the state's
 * {@code TimeoutSecondsPath} ends the wait when the approval expires.
 * Input: {@code {taskToken, buildId, stage, service?, approval: {approvers, required, expiresSeconds,
 * allowSelfApproval}, notify}}.
 */
public final class RequestApprovalFunction extends JsonFunction {

    private final PipelineServices services;

    public RequestApprovalFunction() {
        this(PipelineWiring.fromEnvironment().services());
    }

    public RequestApprovalFunction(PipelineServices services) {
        this.services = services;
    }

    @Override
    public JsonNode handle(JsonNode payload) {
        BuildId id = Payloads.buildId(payload);
        String stage = Payloads.text(payload, "stage");
        String service = StageResults.recordAs(payload);
        JsonNode rules = payload.path("approval");
        Instant now = services.clock().instant();
        BuildRecord build = services.builds().modify(id, b -> {
            BuildRecord running = RecordFunction.running(b, now);
            StageRecord waiting = new StageRecord(stage, service, StageStatus.WAITING_APPROVAL, 1, null, null, null, null,
                    null, null);
            return running.withStatus(BuildStatus.WAITING_APPROVAL, "waiting for approval of " + stage, now)
                    .withStage(waiting, now);
        });
        List<String> approvers = new ArrayList<>();
        rules.path("approvers").forEach(a -> approvers.add(a.asText()));
        Approval approval = new Approval(Approval.idFor(id, stage, service), id, stage, service,
                Payloads.text(payload, "taskToken"), approvers, rules.path("required").asInt(1),
                rules.path("allowSelfApproval").asBoolean(false), build.request().actor(), now,
                now.plusSeconds(rules.path("expiresSeconds").asLong()), List.of(), ApprovalState.OPEN, null, 0);
        if (!services.approvals().create(approval)) {
            // A retried task: the request exists, but only this attempt's token can end the task now.
            approval = services.approvals().modify(approval.id(), a -> a.state() == ApprovalState.OPEN
                    && !a.taskToken().equals(Payloads.text(payload, "taskToken")) ? a.withTaskToken(Payloads.text(payload, "taskToken")) : a);
        }
        if (approval.messageRef() == null || approval.messageRef().isBlank()) {
            String ref = services.notifier().approvalRequested(approval, build, Payloads.channel(payload));
            if (!ref.isBlank()) {
                services.approvals().modify(approval.id(), a -> a.withMessageRef(ref));
            }
        }
        services.notifier().buildChanged(build, Payloads.channel(payload), Payloads.messageRef(payload));
        return JSON.createObjectNode().put("approvalId", approval.id());
    }
}
