package dev.slipway.bot.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.bot.command.SlashCommand;
import dev.slipway.bot.fakes.ReleaseRecords;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.build.ReleaseOrder;
import dev.slipway.core.deploy.DeploymentStatus;
import dev.slipway.core.deploy.ServiceEnvironment;
import dev.slipway.core.scm.EventKind;
import dev.slipway.core.scm.Provider;
import dev.slipway.testkit.build.InMemoryBuildStore;
import dev.slipway.testkit.build.RecordingBuildQueue;
import dev.slipway.testkit.build.TestBuilds;
import dev.slipway.testkit.deploy.InMemoryDeploymentStore;
import dev.slipway.testkit.dispatch.InMemoryPipelineSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code /deploy} and {@code /rollback} as release orders on the queue, over in-memory records. */
class ChatReleasesTest {

    private static final String V1 = "localhost:5000/acme/api@sha256:" + "1".repeat(64);
    private static final String V2 = "localhost:5000/acme/api@sha256:" + "2".repeat(64);
    private static final ServiceEnvironment PRODUCTION = new ServiceEnvironment("api", "production");

    private final InMemoryBuildStore builds = new InMemoryBuildStore();
    private final InMemoryDeploymentStore deployments = new InMemoryDeploymentStore();
    private final RecordingBuildQueue queue = new RecordingBuildQueue();
    private final ChatReleases releases = new ChatReleases(new ReleaseLookup(builds, deployments), queue,
            Clock.fixed(TestBuilds.T0.plusSeconds(3600), ZoneOffset.UTC));
    private final Requester alice = new Requester("U0ALICE", "C0DEPLOYS", "trigger-1");

    private BuildRecord built(String delivery, String image, int minute) {
        return ReleaseRecords.built(builds, delivery, image, minute);
    }

    private void deployed(BuildRecord build, ServiceEnvironment where, DeploymentStatus status, int minute) {
        ReleaseRecords.deployed(deployments, build, where, status, minute);
    }

    private static SlashCommand.Rollback rollback(String env, SlashCommand.RollbackTarget to) {
        return new SlashCommand.Rollback("api", Optional.ofNullable(env), Optional.ofNullable(to));
    }

    @Test
    void rollbackRestoresTheLastGoodImageBeforeTheCurrentOneThroughTheQueue() throws Exception {
        BuildRecord v1 = built("v1", V1, 1);
        BuildRecord v2 = built("v2", V2, 2);
        deployed(v1, PRODUCTION, DeploymentStatus.SUCCEEDED, 10);
        deployed(v2, PRODUCTION, DeploymentStatus.SUCCEEDED, 20);

        Accepted accepted = releases.rollback(alice, rollback("production", null));

        BuildId id = BuildId.forDelivery(Provider.SLACK, "trigger-1");
        assertThat(accepted.buildId()).isEqualTo(id.value());
        assertThat(accepted.summary()).contains("from " + V2 + " to " + V1).contains("build #" + v1.id());
        BuildRequest request = queue.queued().get(0);
        assertThat(request.id()).isEqualTo(id);
        assertThat(request.event()).isEqualTo(EventKind.CHAT);
        assertThat(request.actor()).isEqualTo("U0ALICE");
        assertThat(request.commit()).isEqualTo(v1.request().commit());
        assertThat(request.repo()).isEqualTo(v1.request().repo());
        assertThat(request.release()).isEqualTo(
                new ReleaseOrder(ReleaseOrder.Kind.ROLLBACK, "api", "production", V1, v1.id(), V2));
    }

    @Test
    void rollbackSkipsFailedDeploymentsAndTakesTheOnlyEnvironmentWhenNoneIsNamed() throws Exception {
        BuildRecord v1 = built("v1", V1, 1);
        BuildRecord v2 = built("v2", V2, 2);
        BuildRecord v3 = built("v3", "localhost:5000/acme/api@sha256:" + "3".repeat(64), 3);
        deployed(v1, PRODUCTION, DeploymentStatus.SUCCEEDED, 10);
        deployed(v2, PRODUCTION, DeploymentStatus.FAILED, 20);
        deployed(v3, PRODUCTION, DeploymentStatus.SUCCEEDED, 30);

        releases.rollback(alice, rollback(null, null));

        assertThat(queue.queued().get(0).release().image()).isEqualTo(V1);
    }

    @Test
    void rollbackToANamedBuildOrAnImageThatRanThere() throws Exception {
        BuildRecord v1 = built("v1", V1, 1);
        BuildRecord v2 = built("v2", V2, 2);
        deployed(v1, PRODUCTION, DeploymentStatus.SUCCEEDED, 10);
        deployed(v2, PRODUCTION, DeploymentStatus.SUCCEEDED, 20);

        releases.rollback(alice, rollback("production", new SlashCommand.BuildRef(v1.id().value())));
        releases.rollback(new Requester("U0ALICE", "C0DEPLOYS", "trigger-2"),
                rollback("production", new SlashCommand.ImageRef(V1)));

        assertThat(queue.queued()).extracting(r -> r.release().image()).containsExactly(V1, V1);
        assertThat(queue.queued()).extracting(r -> r.release().source()).containsExactly(v1.id(), v1.id());
    }

    @Test
    void rollbackRefusalsSayWhatWasWrongAndQueueNothing() {
        BuildRecord v1 = built("v1", V1, 1);
        deployed(v1, PRODUCTION, DeploymentStatus.SUCCEEDED, 10);
        deployed(v1, new ServiceEnvironment("api", "staging"), DeploymentStatus.SUCCEEDED, 5);

        assertThatThrownBy(() -> releases.rollback(alice, rollback("production", null)))
                .isInstanceOf(ReleaseActionRefusedException.class)
                .hasMessage("Nothing to roll back to: `api` in production has run no other image healthily than " + V1 + ".");
        assertThatThrownBy(() -> releases.rollback(alice, rollback(null, null)))
                .hasMessageContaining("runs in [production, staging]: say which");
        assertThatThrownBy(() -> releases.rollback(alice, rollback("qa", null)))
                .hasMessageContaining("has never been deployed to `qa`");
        assertThatThrownBy(() -> releases.rollback(alice, new SlashCommand.Rollback("web", Optional.empty(), Optional.empty())))
                .hasMessageContaining("has not deployed `web` anywhere");
        assertThatThrownBy(() -> releases.rollback(alice, rollback("production", new SlashCommand.ImageRef(V2))))
                .hasMessageContaining("never ran healthily in production");
        assertThatThrownBy(() -> releases.rollback(alice, rollback("production", new SlashCommand.BuildRef("nope"))))
                .hasMessageContaining("There is no build #nope");
        assertThatThrownBy(() -> releases.rollback(alice, rollback("production", new SlashCommand.BuildRef(v1.id().value()))))
                .hasMessageContaining("already runs " + V1);
        assertThat(queue.queued()).isEmpty();
    }

    @Test
    void deployWithoutASourceTakesTheLatestGoodBuildOfTheService() throws Exception {
        BuildRecord v1 = built("v1", V1, 1);
        BuildRecord v2 = built("v2", V2, 2);
        deployed(v1, PRODUCTION, DeploymentStatus.SUCCEEDED, 10);

        Accepted accepted = releases.deploy(alice, new SlashCommand.Deploy("api", Optional.empty(), Optional.of("production")));

        assertThat(accepted.summary()).contains("build #" + v2.id());
        assertThat(queue.queued().get(0).release()).isEqualTo(
                new ReleaseOrder(ReleaseOrder.Kind.DEPLOY, "api", "production", V2, v2.id(), null));
    }

    @Test
    void deployOfARefBuildsItFirst() throws Exception {
        deployed(built("v1", V1, 1), PRODUCTION, DeploymentStatus.SUCCEEDED, 10);

        releases.deploy(alice, new SlashCommand.Deploy("api", Optional.of(new SlashCommand.GitRef("hotfix")), Optional.empty()));

        BuildRequest request = queue.queued().get(0);
        assertThat(request.branch()).isEqualTo("hotfix");
        assertThat(request.ref()).isEqualTo("refs/heads/hotfix");
        assertThat(request.commit()).as("dispatch pins the branch head").isNull();
        assertThat(request.release()).isEqualTo(new ReleaseOrder(ReleaseOrder.Kind.DEPLOY, "api", null, null, null, null));
    }

    @Test
    void deployOfABuildWithoutAnImageOfTheServiceIsRefused() {
        BuildRecord other = TestBuilds.queued("acme/api", "main", "no-image", TestBuilds.T0);
        builds.create(other);

        assertThatThrownBy(() -> releases.deploy(alice, new SlashCommand.Deploy("api",
                Optional.of(new SlashCommand.BuildRef(other.id().value())), Optional.empty())))
                .isInstanceOf(ReleaseActionRefusedException.class)
                .hasMessageContaining("pushed no image of `api`");
        assertThat(queue.queued()).isEmpty();
    }

    private ChatReleases withPreflight(String fixture) throws Exception {
        String text = new String(getClass().getResourceAsStream("/release/" + fixture).readAllBytes(), StandardCharsets.UTF_8);
        InMemoryPipelineSource source = new InMemoryPipelineSource().put("acme/api", TestBuilds.SHA, text);
        return new ChatReleases(new ReleaseLookup(builds, deployments), queue, Optional.of(source),
                Clock.fixed(TestBuilds.T0.plusSeconds(3600), ZoneOffset.UTC));
    }

    @Test
    void withAPreflightAPipelineWithoutTheChatTriggerIsRefusedAtOnce() throws Exception {
        BuildRecord v1 = built("v1", V1, 1);
        BuildRecord v2 = built("v2", V2, 2);
        deployed(v1, PRODUCTION, DeploymentStatus.SUCCEEDED, 10);
        deployed(v2, PRODUCTION, DeploymentStatus.SUCCEEDED, 20);

        assertThatThrownBy(() -> withPreflight("chat-off.slipway.yml").rollback(alice, rollback("production", null)))
                .isInstanceOf(ReleaseActionRefusedException.class)
                .hasMessage("Not started: chat builds are off (on.chat: false) in acme/api's .slipway.yml; add `chat: true`"
                        + " under `on:` to allow /deploy and /rollback.");
        assertThatThrownBy(() -> withPreflight("chat-on.slipway.yml").deploy(alice,
                new SlashCommand.Deploy("api", Optional.empty(), Optional.of("qa"))))
                .hasMessageContaining("service 'api' does not deploy to 'qa' (its environments: [staging, production])");
        assertThat(queue.queued()).isEmpty();

        withPreflight("chat-on.slipway.yml").rollback(alice, rollback("production", null));
        assertThat(queue.queued()).hasSize(1);
    }
}
