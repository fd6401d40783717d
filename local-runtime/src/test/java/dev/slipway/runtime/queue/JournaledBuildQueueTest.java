package dev.slipway.runtime.queue;

import static dev.slipway.testkit.build.TestBuilds.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildQueue;
import dev.slipway.core.build.BuildQueueUnavailableException;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.build.PipelineExecutions;
import dev.slipway.testkit.build.BuildQueueContract;
import dev.slipway.testkit.build.RecordingBuildQueue;
import dev.slipway.testkit.build.TestBuilds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournaledBuildQueueTest extends BuildQueueContract {

    @TempDir
    Path dir;
    private RecordingBuildQueue memory;

    @Override
    protected BuildQueue newQueue() {
        memory = new RecordingBuildQueue();
        return new JournaledBuildQueue(memory, dir.resolve("queue"));
    }

    @Override
    protected List<BuildRequest> receiveAll() {
        return memory.drain();
    }

    @Test
    void requestsAcceptedButNotDispatchedBeforeAKillAreQueuedAgainAtTheNextStart() {
        BuildRequest dispatched = TestBuilds.push("acme/api", "main", "d-1", T0);
        BuildRequest waiting = TestBuilds.push("acme/api", "main", "d-2", T0);
        JournaledBuildQueue before = new JournaledBuildQueue(new RecordingBuildQueue(), dir.resolve("queue"));
        before.enqueue(dispatched);
        before.enqueue(waiting);
        // The process dies here: the in-memory queue and whatever it held are gone.

        RecordingBuildQueue fresh = new RecordingBuildQueue();
        List<BuildId> replayed = new JournaledBuildQueue(fresh, dir.resolve("queue")).replay(Set.of(dispatched.id())::contains);

        assertThat(replayed).containsExactly(waiting.id());
        assertThat(fresh.queued()).containsExactly(waiting);
        assertThat(entries()).as("the dispatched build's entry is dropped").containsExactly(waiting.id().value() + ".json");
    }

    @Test
    void aStartedExecutionDropsItsBuildsEntry() {
        BuildRequest push = TestBuilds.push("acme/api", "main", "s-1", T0);
        JournaledBuildQueue queue = new JournaledBuildQueue(new RecordingBuildQueue(), dir.resolve("queue"));
        queue.enqueue(push);
        List<BuildId> started = new ArrayList<>();
        PipelineExecutions executions = queue.forgettingOnStart(new PipelineExecutions() {
            @Override
            public StartResult start(BuildId build, String input) {
                started.add(build);
                return new StartResult("arn:aws:states:local:000000000000:execution:pipeline:" + build.value(), false);
            }

            @Override
            public void stop(BuildId build, String cause) {
            }
        });

        executions.start(push.id(), "{}");

        assertThat(started).containsExactly(push.id());
        assertThat(entries()).isEmpty();
    }

    @Test
    void aRequestTheQueueRefusedIsNotReplayed() {
        RecordingBuildQueue down = new RecordingBuildQueue();
        down.failNext(1);
        JournaledBuildQueue queue = new JournaledBuildQueue(down, dir.resolve("queue"));

        assertThatThrownBy(() -> queue.enqueue(TestBuilds.push("acme/api", "main", "r-1", T0)))
                .isInstanceOf(BuildQueueUnavailableException.class);
        assertThat(entries()).isEmpty();
    }

    @Test
    void anUnreadableEntryIsSetAsideAndTheOthersStillReplay() throws IOException {
        BuildRequest waiting = TestBuilds.push("acme/api", "main", "u-1", T0);
        new JournaledBuildQueue(new RecordingBuildQueue(), dir.resolve("queue")).enqueue(waiting);
        Files.writeString(dir.resolve("queue/broken.json"), "{\"id\":");

        RecordingBuildQueue fresh = new RecordingBuildQueue();
        new JournaledBuildQueue(fresh, dir.resolve("queue")).replay(id -> false);

        assertThat(fresh.queued()).containsExactly(waiting);
        assertThat(entries()).containsExactlyInAnyOrder(waiting.id().value() + ".json", "broken.json.unreadable");
    }

    private List<String> entries() {
        try (Stream<Path> files = Files.list(dir.resolve("queue"))) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
