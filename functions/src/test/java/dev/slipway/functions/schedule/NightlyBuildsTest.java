package dev.slipway.functions.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.core.pipeline.Cron;
import dev.slipway.core.scm.EventKind;
import dev.slipway.core.scm.Provider;
import dev.slipway.testkit.build.RecordingBuildQueue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class NightlyBuildsTest {

    private static final Instant LATE_RETRY = Instant.parse("2026-11-23T00:30:00Z");

    private final RecordingBuildQueue queue = new RecordingBuildQueue();

    private static ScheduledBuild fixture() throws IOException {
        return SlipwayJson.read(resource(), ScheduledBuild.class);
    }

    private static String resource() throws IOException {
        try (InputStream in = NightlyBuildsTest.class.getClassLoader().getResourceAsStream("schedule/nightly.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private NightlyBuilds at(Instant now) {
        return new NightlyBuilds(queue, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void oneBuildPerBranchNamedAfterScheduleRepoBranchAndDay() throws IOException {
        List<BuildId> ids = at(Instant.parse("2026-11-22T03:00:04Z")).run(fixture());

        assertThat(ids).hasSize(2);
        assertThat(ids.get(0).value()).startsWith("schedule-nightly-acme-api-main-").endsWith("-20261122");
        assertThat(ids.get(1).value()).endsWith("-20261122").isNotEqualTo(ids.get(0).value());
        BuildRequest main = queue.queued().get(0);
        assertThat(main.event()).isEqualTo(EventKind.SCHEDULE);
        assertThat(main.provider()).isEqualTo(Provider.SCHEDULE);
        assertThat(main.ref()).isEqualTo("refs/heads/main");
        assertThat(main.commit()).as("dispatch builds the branch head").isNull();
        assertThat(main.repo().isPrivate()).isTrue();
        assertThat(main.actor()).isEqualTo("schedule nightly");
    }

    @Test
    void aRetriedInvocationGivesTheSameIdsEvenAfterMidnight() throws IOException {
        List<BuildId> first = at(Instant.parse("2026-11-22T03:00:04Z")).run(fixture());
        List<BuildId> retried = at(LATE_RETRY).run(fixture());

        assertThat(retried).isEqualTo(first);
    }

    @Test
    void theNextDaysRunIsANewBuild() throws IOException {
        ScheduledBuild today = fixture();
        ScheduledBuild tomorrow = new ScheduledBuild(today.name(), today.repo(), today.branches(), today.cron(),
                "2026-11-23T03:00:00Z");

        assertThat(at(LATE_RETRY).run(tomorrow)).doesNotContainAnyElementsOf(at(LATE_RETRY).run(today));
    }

    @Test
    void withoutAScheduledTimeTheCronSaysWhichRunThisIs() throws IOException {
        ScheduledBuild noTime = new ScheduledBuild("nightly", fixture().repo(), List.of("main"), "0 3 * * *", null);

        List<BuildId> justAfterMidnight = at(LATE_RETRY).run(noTime);

        assertThat(justAfterMidnight.get(0).value()).endsWith("-20261122");
        assertThat(NightlyBuilds.latestRun(Cron.parse("0 3 * * *"), Instant.parse("2026-11-22T03:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-22T03:00:00Z"));
    }

    @Test
    void inputThatCannotStartBuildsSaysWhatIsWrong() throws IOException {
        ScheduledBuild noBranches = new ScheduledBuild("nightly", fixture().repo(), List.of(), null, null);
        ScheduledBuild badCron = new ScheduledBuild("nightly", fixture().repo(), List.of("main"), "every night", null);

        assertThatThrownBy(() -> at(LATE_RETRY).run(noBranches)).isInstanceOf(ScheduleInputException.class)
                .hasMessageContaining("lists no branches");
        assertThatThrownBy(() -> at(LATE_RETRY).run(badCron)).isInstanceOf(ScheduleInputException.class)
                .hasMessageContaining("cron 'every night' is not valid");
        assertThat(queue.queued()).isEmpty();
    }

    @Test
    void theLambdaHandlerReadsTheSchedulersInputAndAnswersTheIds() throws IOException {
        ScheduleHandler handler = new ScheduleHandler(at(Instant.parse("2026-11-22T03:00:04Z")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        handler.handleRequest(new java.io.ByteArrayInputStream(resource().getBytes(StandardCharsets.UTF_8)), out, null);

        assertThat(SlipwayJson.mapper().readTree(out.toByteArray()).get("queued")).hasSize(2);
        assertThat(queue.queued()).hasSize(2);
    }
}
