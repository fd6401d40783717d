package dev.slipway.core.task;

import java.util.ArrayList;
import java.util.List;

/**
 * Lets one thread stop a task that another thread is running.
 *
 * <p>Thread-safe. {@link #cancel} may be called any number of times from any thread, before or
 * during {@link TaskRunner#run}; only the first call has an effect. A listener registered after
 * cancellation runs at once on the registering thread.
 */
public final class CancelToken {

    private final List<Runnable> listeners = new ArrayList<>();
    private String reason;

    /** Requests the stop; returns whether this call was the one that cancelled. */
    public boolean cancel(String why) {
        List<Runnable> toRun;
        synchronized (this) {
            if (reason != null) {
                return false;
            }
            reason = why == null || why.isBlank() ? "cancelled" : why;
            toRun = List.copyOf(listeners);
            listeners.clear();
        }
        toRun.forEach(Runnable::run);
        return true;
    }

    public synchronized boolean isCancelled() {
        return reason != null;
    }

    /** Why it was cancelled; empty when it was not. */
    public synchronized String reason() {
        return reason == null ? "" : reason;
    }

    /** Runs {@code listener} once, when (or if already) cancelled. */
    public void onCancel(Runnable listener) {
        synchronized (this) {
            if (reason == null) {
                listeners.add(listener);
                return;
            }
        }
        listener.run();
    }
}
