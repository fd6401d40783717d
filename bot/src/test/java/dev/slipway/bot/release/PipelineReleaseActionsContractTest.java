package dev.slipway.bot.release;

import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.build.BuildStatus;
import dev.slipway.testkit.build.InMemoryBuildStore;
import dev.slipway.testkit.build.RecordingBuildQueue;
import dev.slipway.testkit.build.RecordingPipelineExecutions;
import dev.slipway.testkit.build.TestBuilds;
import dev.slipway.testkit.deploy.InMemoryDeploymentStore;
import java.time.Clock;
import java.time.ZoneOffset;

class PipelineReleaseActionsContractTest extends ReleaseActionsContract {

    private final InMemoryBuildStore builds = new InMemoryBuildStore();
    private final RecordingBuildQueue queue = new RecordingBuildQueue();
    private final RecordingPipelineExecutions executions = new RecordingPipelineExecutions();
    private final BuildRecord running = TestBuilds.queued("acme/api", "main", "77", TestBuilds.T0);
    private final PipelineReleaseActions actions;

    PipelineReleaseActionsContractTest() {
        builds.create(running);
        builds.modify(running.id(), b -> b.withStatus(BuildStatus.RUNNING, null, TestBuilds.T0));
        Clock clock = Clock.fixed(TestBuilds.T0.plusSeconds(60), ZoneOffset.UTC);
        actions = new PipelineReleaseActions(builds, queue, executions,
                new ChatReleases(new ReleaseLookup(builds, new InMemoryDeploymentStore()), queue, clock), clock);
    }

    @Override
    ReleaseActions actions() {
        return actions;
    }

    @Override
    String runningBuild() {
        return running.id().value();
    }

    /** Queued requests count once per build id (dispatch starts one execution per id); cancellations once per build. */
    @Override
    int started() {
        long queuedBuilds = queue.queued().stream().map(BuildRequest::id).distinct().count();
        long cancelled = builds.find(running.id()).filter(b -> b.status() == BuildStatus.CANCELLED).isPresent() ? 1 : 0;
        return (int) (queuedBuilds + cancelled);
    }
}
