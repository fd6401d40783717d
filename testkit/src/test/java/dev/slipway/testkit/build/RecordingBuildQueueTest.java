package dev.slipway.testkit.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.build.BuildQueue;
import dev.slipway.core.build.BuildQueueUnavailableException;
import dev.slipway.core.build.BuildRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingBuildQueueTest extends BuildQueueContract {

    private RecordingBuildQueue queue;

    @Override
    protected BuildQueue newQueue() {
        queue = new RecordingBuildQueue();
        return queue;
    }

    @Override
    protected List<BuildRequest> receiveAll() {
        return queue.drain();
    }

    @Test
    void aQueueToldToFailQueuesNothing() {
        RecordingBuildQueue failing = new RecordingBuildQueue();
        failing.failNext(1);
        BuildRequest push = TestBuilds.push("acme/api", "main", "f1", TestBuilds.T0);

        assertThatThrownBy(() -> failing.enqueue(push)).isInstanceOf(BuildQueueUnavailableException.class);
        failing.enqueue(push);

        assertThat(failing.queued()).containsExactly(push);
    }
}
