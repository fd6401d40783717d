package dev.slipway.functions.pipeline;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * Records the end of a pipeline execution that the definition could not record itself: stopped
 * (ABORTED: StopExecution from the console, or a redrive that was cancelled), TIMED_OUT (the
 * definition's 48 hours) or FAILED with an error no Catch handles ({@code States.Runtime}). The
 * build moves to CANCELLED or FAILED with the reason, and its message is updated, so no build stays
 * RUNNING forever. A build already in a terminal state (the definition's own Catch, {@code /cancel})
 * is left as it is: events may arrive twice, and late.
 */
public final class BuildEndings {

    private final PipelineServices services;
    private final ExecutionHistory history;

    public BuildEndings(PipelineServices services, ExecutionHistory history) {
        this.services = services;
        this.history = history;
    }

    /**
     * @param status the execution's status as Step Functions reports it (SUCCEEDED, FAILED, TIMED_OUT, ABORTED)
     * @return the build as it stands afterwards
     */
    public BuildRecord ended(BuildId id, String executionArn, String status, String error, String cause) {
        BuildRecord before = services.builds().find(id).orElseThrow(() -> new PayloadInvalidException("execution "
                + executionArn + " ended " + status + " but build " + id + " is not recorded"));
        if (before.status().isTerminal() || status.equals("SUCCEEDED") || status.equals("RUNNING")) {
            return before;
        }
        BuildStatus next = status.equals("ABORTED") ? BuildStatus.CANCELLED : BuildStatus.FAILED;
        String reason = reason(status, error, cause);
        Instant now = services.clock().instant();
        BuildRecord after = services.builds().modify(id, b -> b.status().isTerminal() ? b : b.withStatus(next, reason, now));
        Optional<ExecutionHistory.BuildMessage> message = history.lastMessage(executionArn);
        message.ifPresent(m -> services.notifier().buildChanged(after, m.channel(), m.messageRef()));
        return after;
    }

    static String reason(String status, String error, String cause) {
        String readable = Causes.readable(cause == null ? "" : cause);
        String detail = readable.isBlank() ? (error == null ? "" : error) : readable;
        String what = switch (status) {
            case "ABORTED" -> "the pipeline was stopped";
            case "TIMED_OUT" -> "the pipeline ran out of time";
            default -> "the pipeline failed outside its stages";
        };
        return detail.isBlank() ? what : what + ": " + detail;
    }
}
