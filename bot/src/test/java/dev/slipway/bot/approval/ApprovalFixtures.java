package dev.slipway.bot.approval;

import dev.slipway.core.approval.Approval;
import dev.slipway.core.approval.ApprovalState;
import dev.slipway.core.build.BuildId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Approvals as the request-approval function would store them. */
public final class ApprovalFixtures {

    public static final Instant REQUESTED = Instant.parse("2026-11-22T10:00:00Z");
    public static final BuildId BUILD = BuildId.of("github-42");

    private ApprovalFixtures() {
    }

    public static Approval production(List<String> approvers, int required, boolean allowSelf) {
        return production(approvers, required, allowSelf, REQUESTED);
    }

    public static Approval production(List<String> approvers, int required, boolean allowSelf, Instant requested) {
        return new Approval(Approval.idFor(BUILD, "deploy:production", null), BUILD, "deploy:production", null,
                "task-token-42", approvers, required, allowSelf, "U0REQUESTER", requested,
                requested.plus(Duration.ofHours(4)), List.of(), ApprovalState.OPEN, null, 0);
    }
}
