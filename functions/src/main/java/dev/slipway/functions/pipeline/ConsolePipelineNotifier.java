package dev.slipway.functions.pipeline;

import dev.slipway.core.approval.Approval;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.notify.PipelineNotifier;
import dev.slipway.core.notify.RollbackReport;
import java.io.PrintStream;
import java.util.List;

/**
 * The notifier when no chat notifier is on the class path: one line per event on a stream (the
 * function's log in Lambda, the console on one machine). Posts nothing, so references stay empty.
 */
public final class ConsolePipelineNotifier implements PipelineNotifier {

    private final PrintStream out;

    public ConsolePipelineNotifier(PrintStream out) {
        this.out = out;
    }

    @Override
    public String buildChanged(BuildRecord build, String channel, String messageRef) {
        out.println("slipway: build " + build.id() + " " + build.status() + (build.reason() == null ? "" : ": " + build.reason()));
        return messageRef;
    }

    @Override
    public void stageFailed(BuildRecord build, String messageRef, String stage, String service, List<String> lastLines,
            String logPointer) {
        out.println("slipway: build " + build.id() + " stage " + stage + " failed; log: " + logPointer);
        lastLines.forEach(l -> out.println("  | " + l));
    }

    @Override
    public String approvalRequested(Approval approval, BuildRecord build, String channel) {
        out.println("slipway: build " + build.id() + " waits for approval of " + approval.stage() + " by " + approval.approvers()
                + " until " + approval.expiresAt() + " (slipway approve " + build.id() + ")");
        return "";
    }

    @Override
    public void rolledBack(BuildRecord build, String channel, String messageRef, RollbackReport report) {
        out.println("slipway: build " + build.id() + " rolled back " + report.target() + " from " + report.from() + " to "
                + (report.to().isBlank() ? "(nothing)" : report.to()) + ": " + report.reason());
    }
}
