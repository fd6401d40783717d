package dev.slipway.testkit.build;

import dev.slipway.core.build.BuildQueue;
import dev.slipway.core.build.BuildQueueUnavailableException;
import dev.slipway.core.build.BuildRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link BuildQueue} that keeps what was enqueued, for assertions, and can be told to fail
 * (to test what callers do when the queue is down). Passes {@code BuildQueueContract}.
 */
public final class RecordingBuildQueue implements BuildQueue {

    private final List<BuildRequest> queued = new ArrayList<>();
    private int failuresLeft;

    @Override
    public synchronized void enqueue(BuildRequest request) {
        if (failuresLeft > 0) {
            failuresLeft--;
            throw new BuildQueueUnavailableException(request.id(), "the recording queue",
                    new IllegalStateException("told to fail"));
        }
        queued.add(request);
    }

    /** The next {@code count} enqueues throw {@link BuildQueueUnavailableException} and queue nothing. */
    public synchronized void failNext(int count) {
        failuresLeft = count;
    }

    public synchronized List<BuildRequest> queued() {
        return List.copyOf(queued);
    }

    /** Removes and returns what was queued, as a consumer would receive it. */
    public synchronized List<BuildRequest> drain() {
        List<BuildRequest> out = List.copyOf(queued);
        queued.clear();
        return out;
    }
}
