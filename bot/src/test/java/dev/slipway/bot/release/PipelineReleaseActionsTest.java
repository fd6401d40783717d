package dev.slipway.bot.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.bot.command.SlashCommand;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.build.BuildStatus;
import dev.slipway.core.scm.EventKind;
import dev.slipway.core.scm.Provider;
import dev.slipway.testkit.build.InMemoryBuildStore;
import dev.slipway.testkit.build.RecordingBuildQueue;
import dev.slipway.testkit.build.RecordingPipelineExecutions;
import dev.slipway.testkit.build.TestBuilds;
import dev.slipway.testkit.deploy.InMemoryDeploymentStore;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PipelineReleaseActionsTest {

    private final InMemoryBuildStore builds = new InMemoryBuildStore();
    private final RecordingBuildQueue queue = new RecordingBuildQueue();
    private final RecordingPipelineExecutions executions = new RecordingPipelineExecutions();
    private final Clock clock = Clock.fixed(TestBuilds.T0.plusSeconds(600), ZoneOffset.UTC);
    private final PipelineReleaseActions actions = new PipelineReleaseActions(builds, queue, executions,
            new ChatReleases(new ReleaseLookup(builds, new InMemoryDeploymentStore()), queue, clock), clock);
    private final Requester alice = new Requester("U0ALICE", "C0DEPLOYS", "13345224609.738474920.8088930838d88f008e0");

    @Test
    void buildEnqueuesAManualRequestOnTheWebhookQueueNamedAfterTheSlackRequest() throws Exception {
        builds.create(TestBuilds.queued("acme/api", "main", "d-1", TestBuilds.T0));
        Accepted accepted = actions.build(alice, new SlashCommand.Build("acme/api", Optional.of("feature/x")));

        BuildId expected = BuildId.forDelivery(Provider.SLACK, alice.requestId());
        assertThat(accepted.buildId()).isEqualTo(expected.value());
        assertThat(queue.queued()).singleElement().satisfies(request -> {
            assertThat(request.id()).isEqualTo(expected);
            assertThat(request.event()).isEqualTo(EventKind.MANUAL);
            assertThat(request.branch()).isEqualTo("feature/x");
            assertThat(request.ref()).isEqualTo("refs/heads/feature/x");
            assertThat(request.repo().cloneUrl()).isEqualTo("https://git.example.com/acme/api.git");
            assertThat(request.actor()).isEqualTo("U0ALICE");
            assertThat(request.trusted()).isTrue();
        });
    }

    @Test
    void theSameSlackRequestTwiceIsOneBuildId() throws Exception {
        builds.create(TestBuilds.queued("acme/api", "main", "d-1", TestBuilds.T0));
        actions.build(alice, new SlashCommand.Build("acme/api", Optional.of("main")));
        actions.build(alice, new SlashCommand.Build("acme/api", Optional.of("main")));
        assertThat(queue.queued()).extracting(BuildRequest::id).containsOnly(BuildId.forDelivery(Provider.SLACK, alice.requestId()));
    }

    @Test
    void buildRefusesRepositoriesSlipwayHasNotSeenAndAMissingBranch() {
        assertThatThrownBy(() -> actions.build(alice, new SlashCommand.Build("acme/unknown", Optional.of("main"))))
                .isInstanceOf(ReleaseActionRefusedException.class).hasMessageContaining("has not seen acme/unknown");
        builds.create(TestBuilds.queued("acme/api", "main", "d-1", TestBuilds.T0));
        assertThatThrownBy(() -> actions.build(alice, new SlashCommand.Build("acme/api", Optional.empty())))
                .hasMessageContaining("/build acme/api main");
        assertThat(queue.queued()).isEmpty();
    }

    @Test
    void cancelStopsTheExecutionAndRecordsWhoCancelled() throws Exception {
        BuildRecord running = TestBuilds.queued("acme/api", "main", "d-2", TestBuilds.T0);
        builds.create(running);
        builds.modify(running.id(), b -> b.withStatus(BuildStatus.RUNNING, null, TestBuilds.T0));
        executions.start(running.id(), "{}");

        actions.cancel(alice, new SlashCommand.Cancel(new SlashCommand.BuildRef(running.id().value())));

        assertThat(executions.execution(running.id())).get().satisfies(e -> assertThat(e.stopCause()).contains("U0ALICE"));
        assertThat(builds.find(running.id())).get().satisfies(b -> {
            assertThat(b.status()).isEqualTo(BuildStatus.CANCELLED);
            assertThat(b.reason()).contains("cancelled by U0ALICE");
        });
    }

    @Test
    void cancelRefusesUnknownAndFinishedBuilds() {
        BuildRecord done = TestBuilds.queued("acme/api", "main", "d-3", TestBuilds.T0);
        builds.create(done);
        builds.modify(done.id(), b -> b.withStatus(BuildStatus.FAILED, "tests failed", TestBuilds.T0));
        assertThatThrownBy(() -> actions.cancel(alice, new SlashCommand.Cancel(new SlashCommand.BuildRef("github-nope"))))
                .hasMessageContaining("no build #github-nope");
        assertThatThrownBy(() -> actions.cancel(alice, new SlashCommand.Cancel(new SlashCommand.BuildRef(done.id().value()))))
                .hasMessageContaining("already ended (failed)");
        assertThatThrownBy(() -> actions.cancel(alice, new SlashCommand.Cancel(new SlashCommand.BuildRef("a.b"))))
                .hasMessageContaining("not a build id");
        assertThat(executions.executions()).isEmpty();
    }

    @Test
    void deployAndRollbackAreChatReleasesAndRefuseAServiceNeverDeployed() {
        assertThatThrownBy(() -> actions.deploy(alice, new SlashCommand.Deploy("api", Optional.empty(), Optional.of("production"))))
                .isInstanceOf(ReleaseActionRefusedException.class).hasMessageContaining("has not deployed `api`");
        assertThatThrownBy(() -> actions.rollback(alice, new SlashCommand.Rollback("api", Optional.empty(), Optional.empty())))
                .isInstanceOf(ReleaseActionRefusedException.class).hasMessageContaining("has not deployed `api`");
        assertThat(queue.queued()).isEmpty();
    }
}
