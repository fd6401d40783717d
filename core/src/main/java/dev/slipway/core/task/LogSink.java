package dev.slipway.core.task;

/**
 * Receives a task's output while it runs.
 *
 * <p>Contract: a {@link TaskRunner} calls {@link #accept} once per line, in order per container and
 * stream, and never concurrently for the same task, so implementations need no locking of their
 * own. Lines are masked before they get here. {@code accept} should return quickly: the runner
 * reads container output on the thread that calls it. An exception thrown by {@code accept} is
 * logged by the runner and does not fail the task.
 */
@FunctionalInterface
public interface LogSink {

    void accept(LogLine line);

    /** A sink that drops everything. */
    static LogSink discard() {
        return line -> { };
    }
}
