package dev.slipway.functions.dispatch;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildProblem;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.build.BuildStatus;
import dev.slipway.core.build.BuildStore;
import dev.slipway.core.build.PipelineExecutions;
import dev.slipway.core.dispatch.BuildDecision;
import dev.slipway.core.dispatch.BuildPlan;
import dev.slipway.core.dispatch.BuildPlanner;
import dev.slipway.core.dispatch.PipelineFile;
import dev.slipway.core.dispatch.PipelineSource;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.core.lint.LintReport;
import dev.slipway.core.lint.PipelineLoader;
import dev.slipway.core.scm.EventKind;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one queued build request into a build: reads {@code .slipway.yml} at the commit, lints it,
 * applies triggers and flows, writes the build record and starts the pipeline execution named
 * after the build id.
 *
 * <p>Safe to run twice for one request (SQS delivers at least once): the record is created
 * conditionally and the execution name is the build id, so a second run starts nothing; a run
 * that died after recording but before starting is completed by the next one. A pipeline file
 * with errors ends the build FAILED with its problems instead of failing the message; only
 * failures worth retrying (the repository or a service unreachable) throw.
 */
public final class Dispatcher {

    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());
    /** How many recent builds of a branch are checked for superseding. */
    private static final int SUPERSEDE_WINDOW = 20;

    private final PipelineSource source;
    private final BuildStore builds;
    private final PipelineExecutions executions;
    private final Clock clock;

    public Dispatcher(PipelineSource source, BuildStore builds, PipelineExecutions executions, Clock clock) {
        this.source = source;
        this.builds = builds;
        this.executions = executions;
        this.clock = clock;
    }

    public DispatchOutcome dispatch(BuildRequest request) {
        Optional<BuildRecord> existing = builds.find(request.id());
        if (existing.isPresent() && !awaitsExecution(existing.get())) {
            return outcome(existing.get(), "already dispatched; nothing started again");
        }
        PipelineFile file = source.read(request);
        if (file instanceof PipelineFile.Absent absent) {
            BuildProblem problem = BuildProblem.general(absent.code(), absent.message(), absent.hint());
            return record(BuildRecord.rejected(request, List.of(problem), clock.instant()), "pipeline file unavailable");
        }
        PipelineFile.Found found = (PipelineFile.Found) file;
        BuildRequest pinned = request.commit() == null ? request.withCommit(found.commit()) : request;
        LintReport report = PipelineLoader.load(found.path(), found.text());
        BuildDecision decision = BuildPlanner.decide(pinned, report);
        Instant now = clock.instant();
        if (decision instanceof BuildDecision.Rejected rejected) {
            return record(BuildRecord.rejected(pinned, rejected.problems(), now), "pipeline file has errors");
        }
        if (decision instanceof BuildDecision.NotTriggered skipped) {
            BuildRecord record = BuildRecord.queued(pinned, List.of(), now)
                    .withStatus(BuildStatus.CANCELLED, "not triggered: " + skipped.reason(), now);
            return record(record, skipped.reason());
        }
        BuildPlan plan = ((BuildDecision.Run) decision).plan();
        BuildRecord queued = existing.orElseGet(() -> withWarnings(BuildRecord.queued(pinned, plan.stageRecords(), now), report));
        if (existing.isEmpty() && !builds.create(queued)) {
            return dispatch(request);
        }
        DispatchOutcome outcome = start(queued.id(), plan);
        if (pinned.event() == EventKind.PUSH) {
            supersedeOlderBuilds(pinned);
        }
        return outcome;
    }

    private static boolean awaitsExecution(BuildRecord build) {
        return build.status() == BuildStatus.QUEUED && build.executionArn() == null;
    }

    private DispatchOutcome record(BuildRecord build, String note) {
        if (!builds.create(build)) {
            return outcome(builds.find(build.id()).orElseThrow(), "already dispatched; nothing started again");
        }
        LOG.log(Level.INFO, "build {0} {1}: {2}", build.id(), build.status(), note);
        return new DispatchOutcome(build.id(), build.status(), null, note);
    }

    private DispatchOutcome start(BuildId id, BuildPlan plan) {
        String input = SlipwayJson.write(Map.of("buildId", id.value(), "plan", plan));
        PipelineExecutions.StartResult started = executions.start(id, input);
        BuildRecord recorded = builds.modify(id, b -> b.executionArn() == null
                ? b.withExecution(started.executionArn(), clock.instant()) : b);
        LOG.log(Level.INFO, "build {0} started as {1}", id, started.executionArn());
        return new DispatchOutcome(id, recorded.status(), started.executionArn(),
                started.alreadyStarted() ? "execution already existed" : "execution started");
    }

    private static BuildRecord withWarnings(BuildRecord build, LintReport report) {
        if (report.warnings().isEmpty()) {
            return build;
        }
        List<BuildProblem> warnings = report.warnings().stream().map(BuildPlanner::toBuildProblem).toList();
        return new BuildRecord(build.id(), build.request(), build.status(), build.stages(), warnings, build.images(),
                build.executionArn(), build.reason(), build.createdAt(), build.updatedAt(), build.version());
    }

    /**
     * A newer push to a branch cancels the branch's older builds that have not started deploying:
     * their result would be stale before it arrived. Builds already deploying finish, so an
     * environment is never left half rolled out.
     */
    private void supersedeOlderBuilds(BuildRequest newer) {
        for (BuildRecord older : builds.latestForBranch(newer.repo().fullName(), newer.branch(), SUPERSEDE_WINDOW)) {
            if (supersedes(newer, older)) {
                executions.stop(older.id(), "superseded by build " + newer.id() + " (a newer push to " + newer.branch() + ")");
                builds.modify(older.id(), b -> supersedes(newer, b)
                        ? b.withStatus(BuildStatus.CANCELLED, "superseded by build " + newer.id(), clock.instant()) : b);
                LOG.log(Level.INFO, "build {0} superseded by {1}", older.id(), newer.id());
            }
        }
    }

    private static boolean supersedes(BuildRequest newer, BuildRecord older) {
        return !older.id().equals(newer.id()) && older.request().event() == EventKind.PUSH
                && !older.status().isTerminal() && !older.hasStartedDeploying()
                && older.request().receivedAt().isBefore(newer.receivedAt());
    }

    private static DispatchOutcome outcome(BuildRecord build, String note) {
        return new DispatchOutcome(build.id(), build.status(), build.executionArn(), note);
    }
}
