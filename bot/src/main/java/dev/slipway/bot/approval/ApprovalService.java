package dev.slipway.bot.approval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.bot.message.ApprovalMessages;
import dev.slipway.core.approval.Approval;
import dev.slipway.core.approval.ApprovalDecision;
import dev.slipway.core.approval.ApprovalDecision.Verdict;
import dev.slipway.core.approval.ApprovalState;
import dev.slipway.core.approval.ApprovalStore;
import dev.slipway.core.approval.ApprovalVersionConflictException;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.StageNames;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a click on Approve or Reject: judges it with {@link ApprovalRules}, records the
 * decision (the approval's decisions are the audit record), answers the waiting pipeline, and says
 * what the request message becomes.
 *
 * <p>Order, so that the record and the pipeline never disagree for long: the decision is written
 * first, conditionally on the version read (two clicks at once: the loser re-reads and is judged
 * against the winner's decision); then the pipeline is answered. If the pipeline no longer waits,
 * the approval is marked EXPIRED without the click's decision. If answering fails otherwise, the
 * write is undone so that the click can simply be repeated.
 */
public final class ApprovalService {

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String REJECTED_ERROR = "Slipway.ApprovalRejected";

    private final ApprovalStore store;
    private final ApprovalViews views;
    private final ApprovalRules rules;
    private final TaskCallbacks callbacks;
    private final Clock clock;

    public ApprovalService(ApprovalStore store, ApprovalViews views, ApprovalRules rules, TaskCallbacks callbacks, Clock clock) {
        this.store = store;
        this.views = views;
        this.rules = rules;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    public ClickResult click(String approvalId, String userId, Verdict verdict) throws UserGroupLookupException {
        return click(approvalId, userId, verdict, null);
    }

    /** A decision with a note kept in the audit record ({@code slipway approve --comment}). */
    public ClickResult click(String approvalId, String userId, Verdict verdict, String note) throws UserGroupLookupException {
        for (int attempt = 0; attempt < ApprovalStore.MODIFY_ATTEMPTS; attempt++) {
            Optional<Approval> found = store.find(approvalId);
            if (found.isEmpty()) {
                LOG.info("approval {}: {} clicked {} on an approval that does not exist", approvalId, userId, verdict);
                return ClickResult.explained("This approval request does not exist (any more); nothing was changed.");
            }
            ApprovalOutcome outcome = rules.decide(found.get(), userId, verdict, clock.instant(), note);
            try {
                return apply(found.get(), outcome, userId, verdict);
            } catch (ApprovalVersionConflictException e) {
                LOG.info("approval {}: changed while {} clicked; judging the click again", approvalId, userId);
            }
        }
        return ClickResult.explained("Several people are deciding on this approval right now; click again in a moment.");
    }

    /**
     * A decision given outside Slack ({@code slipway approve|reject <build> [--env E]} on one
     * machine), judged by the same rules: {@code userId} is whose decision it is (the CLI's
     * {@code --as}). Finds the approval of a single-service build's environment by its id.
     */
    public ClickResult decide(BuildId build, String environment, String userId, Verdict verdict) throws UserGroupLookupException {
        return click(Approval.idFor(build, StageNames.deploy(environment), null), userId, verdict);
    }

    private ClickResult apply(Approval before, ApprovalOutcome outcome, String userId, Verdict verdict) {
        if (outcome instanceof ApprovalOutcome.Refused refused) {
            LOG.info("approval {}: {} by {} refused ({})", before.id(), verdict, userId, refused.reason());
            return ClickResult.explained(refused.explanation());
        }
        if (outcome instanceof ApprovalOutcome.Counted counted) {
            Approval stored = store.update(counted.approval());
            LOG.info("approval {}: approved by {}, {} more needed", before.id(), userId, counted.missing());
            return ClickResult.changed(ApprovalMessages.request(views.of(stored)));
        }
        if (outcome instanceof ApprovalOutcome.Approved approved) {
            return answer(before, store.update(approved.approval()), true);
        }
        return answer(before, store.update(((ApprovalOutcome.Rejected) outcome).approval()), false);
    }

    private ClickResult answer(Approval before, Approval stored, boolean approved) {
        ApprovalDecision last = stored.decisions().get(stored.decisions().size() - 1);
        try {
            if (approved) {
                callbacks.succeed(stored.taskToken(), output(stored));
            } else {
                callbacks.fail(stored.taskToken(), REJECTED_ERROR, "Rejected by " + last.userId() + " at " + last.at());
            }
            LOG.info("approval {}: {} by {}; pipeline answered", stored.id(), stored.state(), last.userId());
            return ClickResult.changed(ApprovalMessages.closed(views.of(stored)));
        } catch (TaskTokenGoneException e) {
            // The click decided nothing: the record keeps the decisions made while the pipeline waited.
            Approval expired = store.update(before.withState(ApprovalState.EXPIRED).withVersion(stored.version()));
            LOG.info("approval {}: pipeline no longer waits ({}); marked expired", stored.id(), e.getMessage());
            return new ClickResult(Optional.of("The pipeline stopped waiting for this approval (it expired or the build"
                    + " ended), so your decision changed nothing. " + ApprovalTargets.howToRetry(stored)),
                    Optional.of(ApprovalMessages.closed(views.of(expired))));
        } catch (RuntimeException e) {
            LOG.warn("approval {}: could not answer the pipeline; undoing the decision of {}", stored.id(), last.userId(), e);
            store.update(before.withVersion(stored.version()));
            return ClickResult.explained("Slipway could not reach the pipeline, so your decision was not recorded."
                    + " Click again in a minute; if it keeps failing, ask your Slipway admins to check the bot's log.");
        }
    }

    private static String output(Approval approval) {
        ObjectNode out = JSON.createObjectNode();
        out.put("approvalId", approval.id());
        out.put("approved", true);
        approval.decisions().stream().filter(d -> d.verdict() == Verdict.APPROVE)
                .forEach(d -> out.withArray("approvers").addObject().put("user", d.userId()).put("at", d.at().toString()));
        return out.toString();
    }
}
