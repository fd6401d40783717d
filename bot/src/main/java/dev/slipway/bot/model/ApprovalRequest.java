package dev.slipway.bot.model;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * One approval as the bot sees it: what waits, who may approve, and what has been decided so far.
 * {@code version} increases with every change; stores update conditionally on it, so two clicks
 * at the same moment cannot both count as the deciding one.
 *
 * @param id          the approval's id, carried by the Approve/Reject buttons
 * @param taskToken   the Step Functions task token the pipeline waits on; never shown to anyone
 * @param requesterId the Slack user id (or SCM login) whose push or command asked for the deploy
 * @param approvers   Slack user ids ({@code U…}, {@code W…}) and user group ids ({@code S…})
 * @param required    how many distinct approvals are needed
 * @param decisions   every counted vote, in order
 * @param channel     where the request message was posted, and its ts; null until posted
 */
public record ApprovalRequest(String id, String buildId, String service, String environment, String commit,
        URI diffUrl, URI buildUrl, String requesterId, String taskToken, List<String> approvers, int required,
        boolean allowSelfApproval, Instant requestedAt, Instant expiresAt, List<Vote> decisions, State state,
        String channel, String messageTs, long version) {

    public ApprovalRequest {
        approvers = List.copyOf(approvers);
        decisions = List.copyOf(decisions);
    }

    public enum State { OPEN, APPROVED, REJECTED, EXPIRED }

    /** One person's decision. */
    public record Vote(String userId, boolean approve, Instant at) {
    }

    public long approvals() {
        return decisions.stream().filter(Vote::approve).count();
    }

    public ApprovalRequest with(List<Vote> newDecisions, State newState) {
        return new ApprovalRequest(id, buildId, service, environment, commit, diffUrl, buildUrl, requesterId,
                taskToken, approvers, required, allowSelfApproval, requestedAt, expiresAt, newDecisions, newState,
                channel, messageTs, version + 1);
    }

    public ApprovalRequest postedAt(String newChannel, String newMessageTs) {
        return new ApprovalRequest(id, buildId, service, environment, commit, diffUrl, buildUrl, requesterId,
                taskToken, approvers, required, allowSelfApproval, requestedAt, expiresAt, decisions, state,
                newChannel, newMessageTs, version + 1);
    }
}
