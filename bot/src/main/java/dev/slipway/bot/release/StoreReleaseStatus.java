package dev.slipway.bot.release;

import dev.slipway.bot.approval.ApprovalRules;
import dev.slipway.bot.approval.ApprovalViews;
import dev.slipway.bot.command.SlashCommand;
import dev.slipway.core.approval.Approval;
import dev.slipway.core.approval.ApprovalStore;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildStore;
import dev.slipway.core.build.InvalidBuildIdException;
import dev.slipway.core.build.StageRecord;
import dev.slipway.core.deploy.Deployment;
import dev.slipway.core.deploy.DeploymentStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /status} from the build records. For a build: where it is and its open approvals. For a
 * service: what each environment runs and the approvals waiting for it. With no subject: what runs
 * in every environment of every service, every open approval and the builds waiting on them; the
 * stores have no "all running builds" query yet, so builds that run without waiting are listed only
 * when asked for by id.
 */
public final class StoreReleaseStatus implements ReleaseStatus {

    private final BuildStore builds;
    private final DeploymentStore deployments;
    private final ApprovalStore approvals;
    private final Clock clock;

    public StoreReleaseStatus(BuildStore builds, DeploymentStore deployments, ApprovalStore approvals, Clock clock) {
        this.builds = builds;
        this.deployments = deployments;
        this.approvals = approvals;
        this.clock = clock;
    }

    @Override
    public StatusReport report(Optional<SlashCommand.StatusSubject> subject) throws ReleaseActionRefusedException {
        Instant now = clock.instant();
        if (subject.isPresent() && subject.get() instanceof SlashCommand.BuildRef ref) {
            BuildRecord build = builds.find(buildId(ref)).orElseThrow(() ->
                    new ReleaseActionRefusedException("There is no build #" + ref.id() + "."));
            return new StatusReport(running(List.of(build)), List.of(), open(approvals.forBuild(build.id()), now));
        }
        if (subject.isPresent()) {
            String service = ((SlashCommand.ServiceName) subject.get()).name();
            List<Deployment> current = deployments.currentOf(service);
            List<Approval> waiting = approvals.open(now).stream().filter(a -> service.equals(serviceOf(a))).toList();
            if (current.isEmpty() && waiting.isEmpty()) {
                throw new ReleaseActionRefusedException("Slipway has not deployed `" + service + "` anywhere yet"
                        + " and nothing waits for it; check the name against `service:` in its .slipway.yml.");
            }
            return new StatusReport(List.of(), current.stream().map(StoreReleaseStatus::deployed).toList(), open(waiting, now));
        }
        List<Approval> waiting = approvals.open(now);
        List<BuildRecord> waitingBuilds = waiting.stream().map(Approval::build).distinct()
                .map(builds::find).flatMap(Optional::stream).toList();
        List<StatusReport.CurrentDeployment> everywhere = deployments.currentAll().stream().map(StoreReleaseStatus::deployed).toList();
        return new StatusReport(running(waitingBuilds), everywhere, open(waiting, now));
    }

    private static List<StatusReport.RunningBuild> running(List<BuildRecord> records) {
        return records.stream().filter(b -> !b.status().isTerminal())
                .map(b -> new StatusReport.RunningBuild(b.id().value(), b.repo(), ref(b), currentStage(b), b.createdAt()))
                .toList();
    }

    private static String currentStage(BuildRecord build) {
        return build.stages().stream().filter(s -> !s.status().isTerminal() && s.startedAt() != null)
                .map(StageRecord::name).findFirst().orElse(build.status().name().toLowerCase());
    }

    private static String ref(BuildRecord build) {
        return Objects.requireNonNullElse(build.request().branch(),
                Objects.requireNonNullElse(build.request().tag(), build.request().ref()));
    }

    private List<StatusReport.OpenApproval> open(List<Approval> list, Instant now) {
        return list.stream().filter(a -> a.isOpen(now))
                .map(a -> new StatusReport.OpenApproval(a.id(), a.build().value(), serviceOf(a),
                        a.stage().replace("deploy:", ""), ApprovalRules.missing(a), a.expiresAt()))
                .toList();
    }

    private String serviceOf(Approval approval) {
        return ApprovalViews.serviceName(approval, builds.find(approval.build()));
    }

    private static StatusReport.CurrentDeployment deployed(Deployment d) {
        return new StatusReport.CurrentDeployment(d.target().service(), d.target().environment(), d.image(),
                d.build() == null ? "-" : d.build().value(), d.startedAt());
    }

    private static BuildId buildId(SlashCommand.BuildRef ref) throws ReleaseActionRefusedException {
        try {
            return BuildId.of(ref.id());
        } catch (InvalidBuildIdException e) {
            throw new ReleaseActionRefusedException("`#" + ref.id() + "` is not a build id: " + e.getMessage());
        }
    }
}
