package dev.slipway.bot.release;

import dev.slipway.bot.command.SlashCommand;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildQueue;
import dev.slipway.core.build.BuildQueueUnavailableException;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.build.BuildStatus;
import dev.slipway.core.build.BuildStore;
import dev.slipway.core.build.InvalidBuildIdException;
import dev.slipway.core.build.PipelineExecutions;
import dev.slipway.core.scm.EventKind;
import dev.slipway.core.scm.Provider;
import dev.slipway.core.scm.Repository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@link ReleaseActions} on the core ports that exist today. {@code /build} enqueues a build request
 * on the same queue webhooks use (so dispatch treats it like a push: trigger {@code manual}); its id
 * is derived from Slack's request id, so a repeated request is one build. {@code /cancel} stops the
 * build's pipeline execution and records it as cancelled. {@code /deploy} and {@code /rollback} are
 * {@link ChatReleases}: release orders on the same queue.
 */
public final class PipelineReleaseActions implements ReleaseActions {

    private final BuildStore builds;
    private final BuildQueue queue;
    private final PipelineExecutions executions;
    private final ChatReleases releases;
    private final Clock clock;

    public PipelineReleaseActions(BuildStore builds, BuildQueue queue, PipelineExecutions executions,
            ChatReleases releases, Clock clock) {
        this.builds = builds;
        this.queue = queue;
        this.executions = executions;
        this.releases = releases;
        this.clock = clock;
    }

    @Override
    public Accepted deploy(Requester requester, SlashCommand.Deploy deploy) throws ReleaseActionRefusedException {
        return releases.deploy(requester, deploy);
    }

    @Override
    public Accepted rollback(Requester requester, SlashCommand.Rollback rollback) throws ReleaseActionRefusedException {
        return releases.rollback(requester, rollback);
    }

    @Override
    public Accepted build(Requester requester, SlashCommand.Build build) throws ReleaseActionRefusedException {
        List<BuildRecord> seen = builds.latestForRepo(build.repository(), 1);
        if (seen.isEmpty()) {
            throw new ReleaseActionRefusedException("Slipway has not seen " + build.repository() + " yet: add its webhook"
                    + " (see the README) and push once, then `/build` works for it.");
        }
        if (build.branch().isEmpty()) {
            throw new ReleaseActionRefusedException("Say which branch to build, e.g. `/build " + build.repository()
                    + " main`: Slipway does not look up repositories' default branches yet.");
        }
        String branch = build.branch().get();
        Repository repository = seen.get(0).request().repo();
        Instant now = clock.instant();
        BuildId id = BuildId.forDelivery(Provider.SLACK, requester.requestId());
        BuildRequest request = new BuildRequest(id, Provider.SLACK, requester.requestId(), EventKind.MANUAL, repository,
                "refs/heads/" + branch, null, branch, null, null, requester.userId(), false,
                "/build by " + requester.userId(), now);
        try {
            queue.enqueue(request);
        } catch (BuildQueueUnavailableException e) {
            throw new IllegalStateException("the build queue did not accept build " + id + ": " + e.getMessage(), e);
        }
        return new Accepted(id.value(), "Build #" + id + " of " + repository.fullName() + " " + branch
                + " is queued; its message follows in the repository's channel.");
    }

    @Override
    public Accepted cancel(Requester requester, SlashCommand.Cancel cancel) throws ReleaseActionRefusedException {
        BuildId id = buildId(cancel.build());
        BuildRecord build = builds.find(id).orElseThrow(() -> new ReleaseActionRefusedException(
                "There is no build #" + id + "; `/status` lists the running ones."));
        if (build.status() == BuildStatus.CANCELLED) {
            // Idempotent: a repeated request (or a second person) finds it done.
            return new Accepted(id.value(), "Build #" + id + " of " + build.repo() + " is cancelled.");
        }
        if (build.status().isTerminal()) {
            throw new ReleaseActionRefusedException("Build #" + id + " has already ended ("
                    + build.status().name().toLowerCase() + "); there is nothing to cancel.");
        }
        String cause = "cancelled by " + requester.userId() + " from Slack";
        executions.stop(id, cause);
        Instant now = clock.instant();
        builds.modify(id, current -> current.status().isTerminal() ? current
                : current.withStatus(BuildStatus.CANCELLED, cause, now));
        return new Accepted(id.value(), "Build #" + id + " of " + build.repo() + " is being cancelled.");
    }

    private static BuildId buildId(SlashCommand.BuildRef ref) throws ReleaseActionRefusedException {
        try {
            return BuildId.of(ref.id());
        } catch (InvalidBuildIdException e) {
            throw new ReleaseActionRefusedException("`#" + ref.id() + "` is not a build id: " + e.getMessage());
        }
    }
}
