package dev.slipway.testkit.build;

import static dev.slipway.testkit.build.TestBuilds.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.build.BuildQueue;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.testkit.Concurrently;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link BuildQueue} contract: every implementation's test extends this. */
public abstract class BuildQueueContract {

    private BuildQueue queue;

    /** An empty queue. */
    protected abstract BuildQueue newQueue();

    /** Everything the consumer side receives from the queue now (and acknowledges it). */
    protected abstract List<BuildRequest> receiveAll();

    @BeforeEach
    void setUpQueue() {
        queue = newQueue();
    }

    @Test
    void aRequestArrivesWhole() {
        BuildRequest push = TestBuilds.push("acme/api", "main", "q1", T0);
        BuildRequest fork = TestBuilds.forkPullRequest("acme/api", "q2", T0);

        queue.enqueue(push);
        queue.enqueue(fork);

        assertThat(receiveAll()).containsExactlyInAnyOrder(push, fork);
    }

    @Test
    void concurrentSendersLoseNothing() throws Exception {
        AtomicInteger next = new AtomicInteger();

        List<BuildRequest> sent = Concurrently.run(8, () -> {
            BuildRequest r = TestBuilds.push("acme/api", "main", "burst-" + next.incrementAndGet(), T0);
            queue.enqueue(r);
            return r;
        });

        assertThat(receiveAll()).containsExactlyInAnyOrderElementsOf(sent);
    }
}
