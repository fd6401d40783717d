package dev.slipway.functions.schedule;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildQueue;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.pipeline.Cron;
import dev.slipway.core.pipeline.CronSyntaxException;
import dev.slipway.core.scm.EventKind;
import dev.slipway.core.scm.Provider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one schedule run into build requests, one per branch, and queues them.
 *
 * <p>Each build id is {@code schedule-<name>-<repo>-<branch>-<day>}: the same run always gives
 * the same ids, so a retried invocation queues requests that dispatch recognises and starts no
 * second build. The day is the run's scheduled day (UTC), not the day the function happens to run.
 * Requests carry no commit: dispatch builds the branch head it finds.
 */
public final class NightlyBuilds {

    private final BuildQueue queue;
    private final Clock clock;

    public NightlyBuilds(BuildQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    /** Queues the run's builds and returns their ids. */
    public List<BuildId> run(ScheduledBuild schedule) {
        List<BuildRequest> requests = requests(schedule);
        requests.forEach(queue::enqueue);
        return requests.stream().map(BuildRequest::id).toList();
    }

    List<BuildRequest> requests(ScheduledBuild schedule) {
        validate(schedule);
        Instant now = clock.instant();
        LocalDate day = runTime(schedule, now).atZone(ZoneOffset.UTC).toLocalDate();
        List<BuildRequest> requests = new ArrayList<>();
        for (String branch : schedule.branches()) {
            String key = schedule.name() + "-" + schedule.repo().fullName() + "-" + branch;
            BuildId id = BuildId.forSchedule(key, day);
            requests.add(new BuildRequest(id, Provider.SCHEDULE, id.value(), EventKind.SCHEDULE, schedule.repo(),
                    "refs/heads/" + branch, null, branch, null, null, "schedule " + schedule.name(), false,
                    "scheduled build (" + schedule.name() + ", " + day + ")", now));
        }
        return requests;
    }

    /** When the run was due: as the scheduler says, else the cron's latest time at or before now, else now. */
    private static Instant runTime(ScheduledBuild schedule, Instant now) {
        if (schedule.scheduledTime() != null && !schedule.scheduledTime().isBlank()) {
            try {
                return Instant.parse(schedule.scheduledTime());
            } catch (DateTimeParseException e) {
                throw new ScheduleInputException("scheduledTime '" + schedule.scheduledTime() + "' is not an ISO-8601 instant");
            }
        }
        if (schedule.cron() == null || schedule.cron().isBlank()) {
            return now;
        }
        return latestRun(parseCron(schedule.cron()), now);
    }

    /** The latest time at or before {@code now} the cron fires, looking back at most 31 days. */
    static Instant latestRun(Cron cron, Instant now) {
        Instant candidate = cron.next(now.minus(Duration.ofDays(31)));
        Instant latest = null;
        while (candidate != null && !candidate.isAfter(now)) {
            latest = candidate;
            candidate = cron.next(candidate);
        }
        return latest == null ? now : latest;
    }

    private static Cron parseCron(String expression) {
        try {
            return Cron.parse(expression);
        } catch (CronSyntaxException e) {
            throw new ScheduleInputException("cron '" + expression + "' is not valid: " + e.getMessage());
        }
    }

    private static void validate(ScheduledBuild schedule) {
        if (schedule.name() == null || schedule.name().isBlank()) {
            throw new ScheduleInputException("the schedule has no name");
        }
        if (schedule.repo() == null) {
            throw new ScheduleInputException("schedule " + schedule.name() + " names no repository");
        }
        if (schedule.branches().isEmpty()) {
            throw new ScheduleInputException("schedule " + schedule.name() + " lists no branches to build");
        }
    }
}
