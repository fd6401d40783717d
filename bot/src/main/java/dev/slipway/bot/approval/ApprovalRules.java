package dev.slipway.bot.approval;

import dev.slipway.bot.approval.ApprovalOutcome.Reason;
import dev.slipway.bot.message.Mrkdwn;
import dev.slipway.bot.model.ApprovalRequest;
import dev.slipway.bot.model.ApprovalRequest.State;
import dev.slipway.bot.model.ApprovalRequest.Vote;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides what a click on Approve or Reject does, from the approval as stored and the pipeline
 * file's rules. Pure apart from the user group lookup; it never writes anything.
 *
 * <p>Checked in this order, so that the explanation is the most useful one: the approval is still
 * open, it has not expired, the clicker is an allowed approver (by user id, or as a member of a
 * listed user group), the clicker is not the requester (unless the file allows self-approval), and
 * has not voted already. Then one rejection rejects; approvals are counted until {@code required}
 * distinct people have approved.
 */
public final class ApprovalRules {

    private final UserGroupDirectory groups;

    public ApprovalRules(UserGroupDirectory groups) {
        this.groups = groups;
    }

    public ApprovalOutcome decide(ApprovalRequest approval, String userId, boolean approve, Instant now)
            throws UserGroupLookupException {
        if (approval.state() != State.OPEN) {
            return new ApprovalOutcome.Refused(Reason.ALREADY_DECIDED, "This approval is already "
                    + approval.state().name().toLowerCase() + "; nothing was changed.");
        }
        if (!now.isBefore(approval.expiresAt())) {
            return new ApprovalOutcome.Refused(Reason.EXPIRED, "This approval expired " + Mrkdwn.date(approval.expiresAt())
                    + "; the build did not deploy to " + approval.environment() + ". Start a new deploy with `/deploy "
                    + approval.service() + " #" + approval.buildId() + " to " + approval.environment() + "`.");
        }
        if (!isApprover(approval.approvers(), userId)) {
            return new ApprovalOutcome.Refused(Reason.NOT_AN_APPROVER, "You are not an approver for "
                    + approval.environment() + ". Approvers: " + approval.approvers().stream().map(Mrkdwn::mention)
                    .collect(Collectors.joining(", ")) + " (from `.slipway.yml`, `deploy." + approval.environment()
                    + ".approval.approvers`).");
        }
        if (userId.equals(approval.requesterId()) && !approval.allowSelfApproval()) {
            return new ApprovalOutcome.Refused(Reason.SELF_APPROVAL, "You requested this deploy, so someone else"
                    + " has to approve it (`allow_self_approval` is off for " + approval.environment() + ").");
        }
        if (approval.decisions().stream().anyMatch(v -> v.userId().equals(userId))) {
            return new ApprovalOutcome.Refused(Reason.ALREADY_VOTED, "You have already approved this deploy; "
                    + (approval.required() - approval.approvals()) + " more approval(s) from other people are needed.");
        }
        List<Vote> votes = new ArrayList<>(approval.decisions());
        votes.add(new Vote(userId, approve, now));
        if (!approve) {
            return new ApprovalOutcome.Rejected(approval.with(votes, State.REJECTED));
        }
        long missing = approval.required() - votes.stream().filter(Vote::approve).count();
        return missing <= 0 ? new ApprovalOutcome.Approved(approval.with(votes, State.APPROVED))
                : new ApprovalOutcome.Counted(approval.with(votes, State.OPEN), missing);
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
