package dev.slipway.core.notify;

import dev.slipway.core.approval.Approval;
import dev.slipway.core.build.BuildRecord;

/**
 * The people-facing side of a running build (Slack through the bot module, or a console). One
 * message per build: {@link #buildChanged} posts it the first time ({@code messageRef} empty) and
 * updates it in place afterwards; the caller keeps the returned reference and passes it back.
 *
 * <p>Contract: methods may be called again with the same arguments (retried Lambda calls) and
 * then post nothing new; secrets and task tokens never appear in what is posted; an empty
 * {@code channel} means the pipeline file names none and nothing is posted (the reference stays
 * empty). Failures throw {@link NotificationUndeliveredException}.
 */
public interface PipelineNotifier {

    /** @return the message's reference, or {@code ""} when nothing was posted */
    String buildChanged(BuildRecord build, String channel, String messageRef);

    /** A failing stage's last log lines and log link, in the build message's thread. */
    void stageFailed(BuildRecord build, String messageRef, String stage, String service, java.util.List<String> lastLines,
            String logPointer);

    /** Posts the approval request with its buttons; returns the message reference kept with the approval. */
    String approvalRequested(Approval approval, BuildRecord build, String channel);

    /** A rollback, in the build message's thread. */
    void rolledBack(BuildRecord build, String channel, String messageRef, RollbackReport report);
}
