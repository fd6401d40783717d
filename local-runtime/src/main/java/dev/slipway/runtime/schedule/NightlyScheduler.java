package dev.slipway.runtime.schedule;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.dispatch.PipelineFile;
import dev.slipway.core.dispatch.PipelineSource;
import dev.slipway.core.lint.PipelineLoader;
import dev.slipway.core.pipeline.Pipeline;
import dev.slipway.core.pipeline.Triggers.ScheduleTrigger;
import dev.slipway.core.scm.EventKind;
import dev.slipway.core.scm.Provider;
import dev.slipway.core.scm.Repository;
import dev.slipway.functions.schedule.NightlyBuilds;
import dev.slipway.functions.schedule.ScheduledBuild;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * EventBridge Scheduler on one machine: the {@code on.schedule} entries of each configured
 * repository's pipeline file (read from its {@code main} branch, re-read every
 * {@link #REFRESH}), each fired at its cron's times by the schedule function's own code
 * ({@link NightlyBuilds}), so ids, requests and de-duplication are the cloud's.
 *
 * <p>{@link #tick} does one round and is what a timer calls; a run that was due while the process
 * was down is not made up (the cloud's scheduler does not either, without a flexible window).
 */
public final class NightlyScheduler {

    static final Duration REFRESH = Duration.ofMinutes(5);
    private static final System.Logger LOG = System.getLogger(NightlyScheduler.class.getName());
    private static final String BRANCH = "main";

    private final Map<String, String> repositories;
    private final PipelineSource source;
    private final NightlyBuilds builds;
    private final Clock clock;
    private final Map<String, Instant> next = new HashMap<>();
    private List<Entry> entries = List.of();
    private Instant refreshed = Instant.MIN;

    /** One schedule of one repository. */
    record Entry(String key, Repository repo, ScheduleTrigger trigger) {
    }

    public NightlyScheduler(Map<String, String> repositories, PipelineSource source, NightlyBuilds builds, Clock clock) {
        this.repositories = Map.copyOf(repositories);
        this.source = source;
        this.builds = builds;
        this.clock = clock;
    }

    /** Re-reads schedules when due, then queues the builds of every schedule whose time has come. */
    public synchronized List<BuildId> tick() {
        Instant now = clock.instant();
        if (Duration.between(refreshed, now).compareTo(REFRESH) >= 0 || refreshed == Instant.MIN) {
            entries = read();
            refreshed = now;
        }
        List<BuildId> queued = new ArrayList<>();
        for (Entry entry : entries) {
            Instant due = next.computeIfAbsent(entry.key(), k -> entry.trigger().cron().next(now.minusSeconds(1)));
            if (!now.isBefore(due)) {
                queued.addAll(fire(entry, due));
                next.put(entry.key(), entry.trigger().cron().next(now));
            }
        }
        return queued;
    }

    private List<BuildId> fire(Entry entry, Instant due) {
        List<String> branches = entry.trigger().branches().isEmpty() ? List.of(BRANCH) : entry.trigger().branches();
        try {
            List<BuildId> ids = builds.run(new ScheduledBuild("nightly", entry.repo(), branches,
                    entry.trigger().cron().expression(), due.toString()));
            LOG.log(Level.INFO, "schedule {0} queued {1}", entry.key(), ids);
            return ids;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "schedule " + entry.key() + " could not queue its builds; next run at its next time", e);
            return List.of();
        }
    }

    private List<Entry> read() {
        List<Entry> found = new ArrayList<>();
        repositories.forEach((name, url) -> schedules(new Repository(name, url, null, false)).ifPresent(triggers -> {
            for (int i = 0; i < triggers.size(); i++) {
                found.add(new Entry(name + "#" + i + " " + triggers.get(i).cron().expression(),
                        new Repository(name, url, null, false), triggers.get(i)));
            }
        }));
        next.keySet().retainAll(found.stream().map(Entry::key).toList());
        return found;
    }

    private Optional<List<ScheduleTrigger>> schedules(Repository repo) {
        BuildId probe = BuildId.forSchedule("read-" + repo.fullName(), LocalDate.now(clock));
        BuildRequest request = new BuildRequest(probe, Provider.SCHEDULE, probe.value(), EventKind.SCHEDULE, repo,
                "refs/heads/" + BRANCH, null, BRANCH, null, null, "scheduler", false, null, clock.instant());
        try {
            PipelineFile file = source.read(request);
            if (!(file instanceof PipelineFile.Found found)) {
                return Optional.empty();
            }
            Optional<Pipeline> pipeline = PipelineLoader.load(found.path(), found.text()).pipeline();
            return pipeline.map(p -> p.triggers().schedules());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot read the schedules of " + repo.fullName() + " from " + repo.cloneUrl(), e);
            return Optional.empty();
        }
    }
}
