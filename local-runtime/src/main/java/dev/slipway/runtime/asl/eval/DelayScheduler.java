package dev.slipway.runtime.asl.eval;

import java.time.Duration;

/**
 * Runs a continuation later. This is how Wait states, retry intervals and timeouts wait: no thread
 * is held while waiting, so thousands of executions can wait at once.
 *
 * <p>Contract: {@code task} runs once, at or after {@code delay}, on a thread that may run engine
 * work (never the caller's thread while it holds a lock). Thread-safe. A cancelled handle never runs.
 */
public interface DelayScheduler {

    Handle schedule(Duration delay, Runnable task);

    /** A scheduled continuation that can still be cancelled. */
    interface Handle {
        void cancel();
    }
}
