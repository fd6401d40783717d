package dev.slipway.statemachine;

import dev.slipway.core.approval.Approval;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.notify.PipelineNotifier;
import dev.slipway.core.notify.RollbackReport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what the pipeline told people; posts get references as Slack's would ({@code channel:ts}). */
final class RecordingNotifier implements PipelineNotifier {

    final List<String> buildStatuses = new CopyOnWriteArrayList<>();
    /** {@code STATUS@messageRef} of every update of an existing message. */
    final List<String> messageUpdates = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    final List<Approval> approvals = new CopyOnWriteArrayList<>();
    final List<RollbackReport> rollbacks = new CopyOnWriteArrayList<>();
    private final AtomicInteger posts = new AtomicInteger();

    @Override
    public String buildChanged(BuildRecord build, String channel, String messageRef) {
        buildStatuses.add(build.status().name());
        if (channel.isBlank()) {
            return "";
        }
        if (!messageRef.isBlank()) {
            messageUpdates.add(build.status().name() + "@" + messageRef);
        }
        return messageRef.isBlank() ? channel + ":" + posts.incrementAndGet() : messageRef;
    }

    @Override
    public void stageFailed(BuildRecord build, String messageRef, String stage, String service, List<String> lastLines,
            String logPointer) {
        failures.add(stage + " of " + service + ": " + String.join(" / ", lastLines));
    }

    @Override
    public String approvalRequested(Approval approval, BuildRecord build, String channel) {
        approvals.add(approval);
        return channel + ":" + posts.incrementAndGet();
    }

    @Override
    public void rolledBack(BuildRecord build, String channel, String messageRef, RollbackReport report) {
        rollbacks.add(report);
    }
}
