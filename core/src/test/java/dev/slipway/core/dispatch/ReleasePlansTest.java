package dev.slipway.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.build.ReleaseOrder;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.core.lint.LintReport;
import dev.slipway.core.lint.PipelineLoader;
import dev.slipway.core.pipeline.StageKind;
import dev.slipway.core.scm.EventKind;
import dev.slipway.core.scm.Provider;
import dev.slipway.core.scm.Repository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleasePlansTest {

    private static final String SHA = "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c";
    private static final Repository REPO = new Repository("acme/api", "https://git.example.com/acme/api.git", null, false);
    private static final String V1 = "localhost:5000/acme/api@sha256:" + "1".repeat(64);
    private static final String V2 = "localhost:5000/acme/api@sha256:" + "2".repeat(64);

    private static LintReport file(String name) {
        try (InputStream in = ReleasePlansTest.class.getClassLoader().getResourceAsStream("dispatch/" + name)) {
            return PipelineLoader.load(".slipway.yml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BuildRequest chat(ReleaseOrder order) {
        return new BuildRequest(BuildId.of("slack-T1"), Provider.SLACK, "T1", EventKind.CHAT, REPO, "refs/heads/main",
                SHA, "main", null, null, "U0ALICE", false, "/rollback", Instant.parse("2026-11-22T05:00:00Z"), order);
    }

    private static BuildPlan run(BuildDecision decision) {
        assertThat(decision).isInstanceOf(BuildDecision.Run.class);
        return ((BuildDecision.Run) decision).plan();
    }

    @Test
    void aRollbackRunsOnlyTheDeployOfItsEnvironment() {
        ReleaseOrder order = new ReleaseOrder(ReleaseOrder.Kind.ROLLBACK, "api", "production", V1, BuildId.of("github-1"), V2);

        BuildPlan plan = run(BuildPlanner.decide(chat(order), file("chat.slipway.yml")));

        assertThat(plan.services()).containsExactly(new PlannedService("api", List.of(), List.of(), List.of("production")));
        assertThat(plan.stageRecords()).extracting(s -> s.name()).containsExactly("deploy:production");
        assertThat(plan.deployAllowed()).isTrue();
    }

    @Test
    void aDeployWithoutAnEnvironmentGoesToTheFirstDeclared() {
        ReleaseOrder order = new ReleaseOrder(ReleaseOrder.Kind.DEPLOY, "api", null, V2, BuildId.of("github-2"), V1);

        BuildPlan plan = run(BuildPlanner.decide(chat(order), file("chat.slipway.yml")));

        assertThat(plan.services().get(0).environments()).containsExactly("staging");
    }

    @Test
    void aDeployOfARefBuildsItThroughTheServicesStagesFirst() {
        ReleaseOrder order = new ReleaseOrder(ReleaseOrder.Kind.DEPLOY, "api", "production", null, null, null);

        BuildPlan plan = run(BuildPlanner.decide(chat(order), file("chat.slipway.yml")));

        assertThat(plan.services()).containsExactly(new PlannedService("api", List.of(),
                List.of(StageKind.INTEGRATION, StageKind.PRE_BUILD, StageKind.BUILD), List.of("production")));
    }

    @Test
    void aFileWithoutTheChatTriggerRefusesWithTheReason() {
        ReleaseOrder order = new ReleaseOrder(ReleaseOrder.Kind.ROLLBACK, "api", "production", V1, null, V2);

        BuildDecision decision = BuildPlanner.decide(chat(order), file("single.slipway.yml"));

        assertThat(decision).isEqualTo(new BuildDecision.NotTriggered("chat builds are off (on.chat: false)"));
    }

    @Test
    void anUnknownServiceOrEnvironmentIsNotPlannedAndSaysWhatExists() {
        ReleaseOrder service = new ReleaseOrder(ReleaseOrder.Kind.ROLLBACK, "web", "production", V1, null, V2);
        ReleaseOrder env = new ReleaseOrder(ReleaseOrder.Kind.ROLLBACK, "api", "qa", V1, null, V2);

        assertThat(BuildPlanner.decide(chat(service), file("chat.slipway.yml")))
                .isEqualTo(new BuildDecision.NotTriggered("/rollback: the pipeline file declares no service 'web' (it has [api])"));
        assertThat(BuildPlanner.decide(chat(env), file("chat.slipway.yml"))).isEqualTo(new BuildDecision.NotTriggered(
                "/rollback: service 'api' does not deploy to 'qa' (its environments: [staging, production])"));
    }

    @Test
    void theQueuedBuildOfARollbackAlreadyHasItsImageAndTheOrderSurvivesJson() {
        ReleaseOrder order = new ReleaseOrder(ReleaseOrder.Kind.ROLLBACK, "api", "production", V1, BuildId.of("github-1"), V2);
        BuildPlan plan = run(BuildPlanner.decide(chat(order), file("chat.slipway.yml")));

        BuildRecord queued = BuildRecord.queued(plan.request(), plan.stageRecords(), Instant.parse("2026-11-22T05:00:01Z"));
        BuildRecord read = SlipwayJson.read(SlipwayJson.write(queued), BuildRecord.class);

        assertThat(queued.images()).containsEntry("api", V1);
        assertThat(read.request().release()).isEqualTo(order);
        assertThat(SlipwayJson.read(SlipwayJson.write(plan), BuildPlan.class)).isEqualTo(plan);
    }
}
