package dev.slipway.core.approval;

import dev.slipway.core.build.BuildId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An approval request of a build's stage or environment, waiting on a Step Functions task token.
 *
 * @param id                deterministic per build and stage ({@link #idFor}); Slack buttons carry it
 * @param build             the build waiting
 * @param stage             what waits: {@code deploy:production}, {@code post_build}, ...
 * @param service           the service of a release, null for a single-service file
 * @param taskToken         the token SendTaskSuccess/SendTaskFailure answer; a secret-like value that
 *                          is never shown to people
 * @param approvers         Slack user ids ({@code U…}/{@code W…}) or user group ids ({@code S…})
 * @param required          how many distinct approvals are needed
 * @param allowSelfApproval whether {@code requestedBy} may approve
 * @param requestedBy       who triggered the build
 * @param createdAt         when it was requested
 * @param expiresAt         after this, decisions are refused and the build fails
 * @param decisions         every decision made, in order, for audit
 * @param state             where it is
 * @param messageRef        where the request was posted (e.g. Slack {@code channel:ts}), may be null
 * @param version           0 for a request not stored yet; the store counts writes from 1
 */
public record Approval(
        String id,
        BuildId build,
        String stage,
        String service,
        String taskToken,
        List<String> approvers,
        int required,
        boolean allowSelfApproval,
        String requestedBy,
        Instant createdAt,
        Instant expiresAt,
        List<ApprovalDecision> decisions,
        ApprovalState state,
        String messageRef,
        long version) {

    public Approval {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an approval needs an id");
        }
        Objects.requireNonNull(build, "build of approval " + id);
        Objects.requireNonNull(state, "state of approval " + id);
        Objects.requireNonNull(createdAt, "createdAt of approval " + id);
        Objects.requireNonNull(expiresAt, "expiresAt of approval " + id);
        if (taskToken == null || taskToken.isBlank()) {
            throw new IllegalArgumentException("approval " + id + " has no task token to answer");
        }
        approvers = List.copyOf(approvers == null ? List.of() : approvers);
        decisions = List.copyOf(decisions == null ? List.of() : decisions);
        if (required < 1 || approvers.isEmpty()) {
            throw new IllegalArgumentException("approval " + id + " needs at least one approver and required >= 1");
        }
    }

    /** {@code <build id>-<stage>[-<service>]} with ':' made safe, e.g. {@code github-abc-deploy-production}. */
    public static String idFor(BuildId build, String stage, String service) {
        String raw = build + "-" + stage + (service == null ? "" : "-" + service);
        return raw.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    public boolean isOpen(Instant now) {
        return state == ApprovalState.OPEN && now.isBefore(expiresAt);
    }

    /** The request with one more decision recorded (the decision logic itself lives with the bot). */
    public Approval withDecision(ApprovalDecision decision) {
        List<ApprovalDecision> next = new ArrayList<>(decisions);
        next.add(decision);
        return new Approval(id, build, stage, service, taskToken, approvers, required, allowSelfApproval, requestedBy,
                createdAt, expiresAt, next, state, messageRef, version);
    }

    public Approval withState(ApprovalState next) {
        return new Approval(id, build, stage, service, taskToken, approvers, required, allowSelfApproval, requestedBy,
                createdAt, expiresAt, decisions, next, messageRef, version);
    }

    /**
     * The same request with the token of a retried task: Step Functions gives each attempt of a
     * {@code .waitForTaskToken} task a new token, and only the latest attempt's can end it.
     */
    public Approval withTaskToken(String token) {
        return new Approval(id, build, stage, service, token, approvers, required, allowSelfApproval, requestedBy,
                createdAt, expiresAt, decisions, state, messageRef, version);
    }

    public Approval withMessageRef(String ref) {
        return new Approval(id, build, stage, service, taskToken, approvers, required, allowSelfApproval, requestedBy,
                createdAt, expiresAt, decisions, state, ref, version);
    }

    /** Used by stores only: the request as written, with its new version. */
    public Approval withVersion(long stored) {
        return new Approval(id, build, stage, service, taskToken, approvers, required, allowSelfApproval, requestedBy,
                createdAt, expiresAt, decisions, state, messageRef, stored);
    }

    /** Keeps the task token out of logs. */
    @Override
    public String toString() {
        return "Approval[" + id + " " + stage + " of " + build + " " + state + " " + decisions.size() + "/" + required
                + " decisions, expires " + expiresAt + "]";
    }
}
