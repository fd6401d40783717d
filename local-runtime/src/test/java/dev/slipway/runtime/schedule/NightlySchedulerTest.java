package dev.slipway.runtime.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.scm.EventKind;
import dev.slipway.functions.schedule.NightlyBuilds;
import dev.slipway.testkit.build.RecordingBuildQueue;
import dev.slipway.testkit.dispatch.InMemoryPipelineSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The in-process scheduler on a clock the test moves: the pipeline file's cron, the schedule function's ids. */
class NightlySchedulerTest {

    private static final String SHA = "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c";

    private final RecordingBuildQueue queue = new RecordingBuildQueue();
    private final InMemoryPipelineSource source = new InMemoryPipelineSource();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-22T02:59:00Z"));
    private NightlyScheduler scheduler;

    @BeforeEach
    void setUp() throws Exception {
        source.head("acme/api", "main", SHA).put("acme/api", SHA,
                Files.readString(Path.of("src/test/resources/up/scheduled/.slipway.yml")));
        scheduler = new NightlyScheduler(Map.of("acme/api", "file:///src/api/"), source, new NightlyBuilds(queue, clock),
                clock);
    }

    @Test
    void nothingIsQueuedBeforeTheCronTimeAndEachBranchOnceAtIt() {
        assertThat(scheduler.tick()).isEmpty();
        clock.set(Instant.parse("2026-11-22T03:00:05Z"));

        List<BuildId> fired = scheduler.tick();

        assertThat(fired).hasSize(2);
        assertThat(queue.queued()).extracting(BuildRequest::branch).containsExactly("main", "release");
        assertThat(queue.queued()).allSatisfy(r -> {
            assertThat(r.event()).isEqualTo(EventKind.SCHEDULE);
            assertThat(r.repo().cloneUrl()).isEqualTo("file:///src/api/");
            assertThat(r.id().value()).startsWith("schedule-").endsWith("-20261122");
        });
        clock.set(Instant.parse("2026-11-22T03:00:35Z"));
        assertThat(scheduler.tick()).as("the same minute does not fire twice").isEmpty();
    }

    @Test
    void theNextDayFiresAgainWithNewIds() {
        scheduler.tick();
        clock.set(Instant.parse("2026-11-22T03:00:05Z"));
        List<BuildId> first = scheduler.tick();
        clock.set(Instant.parse("2026-11-23T03:00:10Z"));

        List<BuildId> second = scheduler.tick();

        assertThat(second).hasSize(2).doesNotContainAnyElementsOf(first);
        assertThat(second).allSatisfy(id -> assertThat(id.value()).endsWith("-20261123"));
    }

    @Test
    void aPipelineThatCannotBeReadIsReadAgainLaterAndAMissedRunIsNotMadeUp() {
        source.failNext(1);
        clock.set(Instant.parse("2026-11-22T03:00:05Z"));

        assertThat(scheduler.tick()).isEmpty();
        clock.set(Instant.parse("2026-11-22T03:06:00Z"));
        assertThat(scheduler.tick()).as("re-read after the refresh interval; the 03:00 run was missed, not made up").isEmpty();
        clock.set(Instant.parse("2026-11-23T03:00:00Z"));
        assertThat(scheduler.tick()).hasSize(2);
    }

    /** A clock the test sets. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
