package dev.slipway.bot.approval;

import dev.slipway.bot.approval.ApprovalOutcome.Reason;
import dev.slipway.bot.message.Mrkdwn;
import dev.slipway.core.approval.Approval;
import dev.slipway.core.approval.ApprovalDecision;
import dev.slipway.core.approval.ApprovalDecision.Verdict;
import dev.slipway.core.approval.ApprovalState;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides what a click on Approve or Reject does, from the approval as stored and the pipeline
 * file's rules. Pure apart from the user group lookup; it never writes anything.
 *
 * <p>Checked in this order, so that the explanation is the most useful one: the approval is still
 * open, it has not expired, the clicker is an allowed approver (by user id, or as a member of a
 * listed user group), the clicker is not the requester (unless the file allows self-approval), and
 * has not decided already. Then one rejection rejects; approvals are counted until {@code required}
 * distinct people have approved.
 */
public final class ApprovalRules {

    private final UserGroupDirectory groups;

    public ApprovalRules(UserGroupDirectory groups) {
        this.groups = groups;
    }

    public ApprovalOutcome decide(Approval approval, String userId, Verdict verdict, Instant now)
            throws UserGroupLookupException {
        return decide(approval, userId, verdict, now, null);
    }

    /** @param note what the person said with the decision (the CLI's {@code --comment}), kept for audit; may be null */
    public ApprovalOutcome decide(Approval approval, String userId, Verdict verdict, Instant now, String note)
            throws UserGroupLookupException {
        String target = ApprovalTargets.describe(approval);
        if (approval.state() != ApprovalState.OPEN) {
            return new ApprovalOutcome.Refused(Reason.ALREADY_DECIDED, "This approval is already "
                    + approval.state().name().toLowerCase() + "; nothing was changed.");
        }
        if (!now.isBefore(approval.expiresAt())) {
            return new ApprovalOutcome.Refused(Reason.EXPIRED, "This approval expired " + Mrkdwn.date(approval.expiresAt())
                    + ", so build #" + approval.build() + " failed at " + target + ". " + ApprovalTargets.howToRetry(approval));
        }
        if (!isApprover(approval.approvers(), userId)) {
            return new ApprovalOutcome.Refused(Reason.NOT_AN_APPROVER, "You are not an approver for " + target
                    + ". Approvers: " + approval.approvers().stream().map(Mrkdwn::mention).collect(Collectors.joining(", "))
                    + " (from `" + ApprovalTargets.approversKey(approval) + "` in `.slipway.yml`).");
        }
        if (userId.equals(approval.requestedBy()) && !approval.allowSelfApproval()) {
            return new ApprovalOutcome.Refused(Reason.SELF_APPROVAL, "You triggered this build, so someone else has"
                    + " to approve it (`allow_self_approval` is off for " + target + ").");
        }
        if (approval.decisions().stream().anyMatch(d -> d.userId().equals(userId))) {
            return new ApprovalOutcome.Refused(Reason.ALREADY_VOTED, "You have already approved this; "
                    + missing(approval) + " more approval(s) from other people are needed.");
        }
        Approval decided = approval.withDecision(new ApprovalDecision(userId, verdict, now, note));
        if (verdict == Verdict.REJECT) {
            return new ApprovalOutcome.Rejected(decided.withState(ApprovalState.REJECTED));
        }
        long missing = missing(decided);
        return missing <= 0 ? new ApprovalOutcome.Approved(decided.withState(ApprovalState.APPROVED))
                : new ApprovalOutcome.Counted(decided, missing);
    }

    /** How many more distinct approvals the approval needs. */
    public static long missing(Approval approval) {
        return approval.required() - approval.decisions().stream().filter(d -> d.verdict() == Verdict.APPROVE).count();
    }

    private boolean isApprover(List<String> approvers, String userId) throws UserGroupLookupException {
        if (approvers.contains(userId)) {
            return true;
        }
        for (String entry : approvers) {
            if (entry.startsWith("S") && groups.members(entry).contains(userId)) {
                return true;
            }
        }
        return false;
    }
}
