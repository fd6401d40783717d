package dev.slipway.bot.approval;

import dev.slipway.core.approval.Approval;

/** What one click on Approve or Reject leads to. */
public sealed interface ApprovalOutcome {

    /** Nothing changes; the clicker is told why, privately. */
    record Refused(Reason reason, String explanation) implements ApprovalOutcome {
    }

    /** The approval was counted but more are needed; {@code approval} is the updated record. */
    record Counted(Approval approval, long missing) implements ApprovalOutcome {
    }

    /** Enough approvals: the pipeline continues. */
    record Approved(Approval approval) implements ApprovalOutcome {
    }

    /** One allowed approver rejected: the pipeline stops at this environment. */
    record Rejected(Approval approval) implements ApprovalOutcome {
    }

    enum Reason { UNKNOWN_APPROVAL, ALREADY_DECIDED, EXPIRED, NOT_AN_APPROVER, SELF_APPROVAL, ALREADY_VOTED }
}
