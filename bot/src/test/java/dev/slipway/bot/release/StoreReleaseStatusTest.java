package dev.slipway.bot.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.bot.approval.ApprovalFixtures;
import dev.slipway.bot.command.SlashCommand;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildStatus;
import dev.slipway.core.deploy.Deployment;
import dev.slipway.core.deploy.DeploymentKind;
import dev.slipway.core.deploy.DeploymentStatus;
import dev.slipway.core.deploy.ServiceEnvironment;
import dev.slipway.testkit.approval.InMemoryApprovalStore;
import dev.slipway.testkit.build.InMemoryBuildStore;
import dev.slipway.testkit.build.TestBuilds;
import dev.slipway.testkit.deploy.InMemoryDeploymentStore;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoreReleaseStatusTest {

    private final InMemoryBuildStore builds = new InMemoryBuildStore();
    private final InMemoryDeploymentStore deployments = new InMemoryDeploymentStore();
    private final InMemoryApprovalStore approvals = new InMemoryApprovalStore();
    private final StoreReleaseStatus status = new StoreReleaseStatus(builds, deployments, approvals,
            Clock.fixed(ApprovalFixtures.REQUESTED.plusSeconds(60), ZoneOffset.UTC));
    private BuildRecord waiting;

    @BeforeEach
    void records() {
        waiting = TestBuilds.queued("acme/api", "main", "42", ApprovalFixtures.REQUESTED);
        builds.create(waiting);
        builds.modify(waiting.id(), b -> b.withStatus(BuildStatus.RUNNING, null, ApprovalFixtures.REQUESTED)
                .withStatus(BuildStatus.WAITING_APPROVAL, null, ApprovalFixtures.REQUESTED));
        approvals.create(ApprovalFixtures.production(List.of("U0ALICE", "U0BOB"), 2, false));
        ServiceEnvironment prod = new ServiceEnvironment("api", "production");
        deployments.record(new Deployment("github-41-api-production", prod, dev.slipway.core.build.BuildId.of("github-41"),
                "reg/api@sha256:" + "a".repeat(64), DeploymentKind.DEPLOY, DeploymentStatus.SUCCEEDED, "octocat",
                ApprovalFixtures.REQUESTED.minusSeconds(86_400), ApprovalFixtures.REQUESTED.minusSeconds(86_000), null));
    }

    @Test
    void everythingOpenWithTheBuildsWaitingOnIt() throws Exception {
        StatusReport report = status.report(Optional.empty());
        assertThat(report.openApprovals()).singleElement().satisfies(a -> {
            assertThat(a.buildId()).isEqualTo("github-42");
            assertThat(a.service()).isEqualTo("api");
            assertThat(a.environment()).isEqualTo("production");
            assertThat(a.missing()).isEqualTo(2);
        });
        assertThat(report.running()).extracting(StatusReport.RunningBuild::buildId).containsExactly("github-42");
        assertThat(report.deployed()).extracting(d -> d.service() + "/" + d.environment() + "=" + d.buildId())
                .containsExactly("api/production=github-41");
    }

    @Test
    void aServiceShowsWhatEachEnvironmentRunsAndWhatWaits() throws Exception {
        StatusReport report = status.report(Optional.of(new SlashCommand.ServiceName("api")));
        assertThat(report.deployed()).singleElement().satisfies(d -> {
            assertThat(d.environment()).isEqualTo("production");
            assertThat(d.buildId()).isEqualTo("github-41");
        });
        assertThat(report.openApprovals()).hasSize(1);
        assertThatThrownBy(() -> status.report(Optional.of(new SlashCommand.ServiceName("billing"))))
                .isInstanceOf(ReleaseActionRefusedException.class).hasMessageContaining("`billing`");
    }

    @Test
    void aBuildShowsWhereItIs() throws Exception {
        StatusReport report = status.report(Optional.of(new SlashCommand.BuildRef("github-42")));
        assertThat(report.running()).singleElement().satisfies(b -> {
            assertThat(b.ref()).isEqualTo("main");
            assertThat(b.stage()).isEqualTo("waiting_approval");
        });
        assertThatThrownBy(() -> status.report(Optional.of(new SlashCommand.BuildRef("github-1"))))
                .hasMessageContaining("no build #github-1");
    }
}
