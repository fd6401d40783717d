package dev.slipway.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.lint.LintReport;
import dev.slipway.core.lint.PipelineLoader;
import dev.slipway.core.pipeline.StageKind;
import dev.slipway.core.scm.EventKind;
import dev.slipway.core.scm.Provider;
import dev.slipway.core.scm.PullRequest;
import dev.slipway.core.scm.Repository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildPlannerTest {

    private static final String SHA = "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c";
    private static final Repository REPO = new Repository("acme/api", "https://git.example.com/acme/api.git", null, false);
    private static final List<StageKind> ALL_BUT_DEPLOY =
            List.of(StageKind.INTEGRATION, StageKind.PRE_BUILD, StageKind.BUILD);

    private static LintReport file(String name) {
        try (InputStream in = BuildPlannerTest.class.getClassLoader().getResourceAsStream("dispatch/" + name)) {
            return PipelineLoader.load(".slipway.yml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BuildRequest request(EventKind event, String branch, String tag, PullRequest pr, String ref) {
        return new BuildRequest(BuildId.of("b-" + event), Provider.GITHUB, "d", event, REPO, ref,
                event == EventKind.SCHEDULE || event == EventKind.MANUAL || event == EventKind.CHAT ? null : SHA,
                branch, tag, pr, "octocat", false, null, Instant.parse("2026-11-22T05:00:00Z"));
    }

    private static BuildRequest push(String branch) {
        return request(EventKind.PUSH, branch, null, null, "refs/heads/" + branch);
    }

    private static BuildPlan run(BuildDecision decision) {
        assertThat(decision).isInstanceOf(BuildDecision.Run.class);
        return ((BuildDecision.Run) decision).plan();
    }

    @Test
    void aPushToMainRunsEveryStageAndDeploysToEveryEnvironment() {
        BuildPlan plan = run(BuildPlanner.decide(push("main"), file("single.slipway.yml")));

        assertThat(plan.services()).containsExactly(
                new PlannedService("api", List.of(), ALL_BUT_DEPLOY, List.of("staging", "production")));
        assertThat(plan.secrets()).containsExactly("NPM_TOKEN");
        assertThat(plan.deployAllowed()).isTrue();
        assertThat(plan.stageRecords()).extracting(s -> s.name())
                .containsExactly("integration", "pre_build", "build", "deploy:staging", "deploy:production");
    }

    @Test
    void aFeatureBranchFlowNarrowsStagesAndDeploysNowhere() {
        BuildPlan plan = run(BuildPlanner.decide(push("feature/login"), file("single.slipway.yml")));

        assertThat(plan.services().get(0).stages()).containsExactly(StageKind.INTEGRATION, StageKind.PRE_BUILD);
        assertThat(plan.services().get(0).environments()).isEmpty();
        assertThat(plan.deploys()).isFalse();
    }

    @Test
    void aTagFlowDeploysOnlyToItsEnvironments() {
        BuildPlan plan = run(BuildPlanner.decide(request(EventKind.TAG, null, "v1.4.0", null, "refs/tags/v1.4.0"),
                file("single.slipway.yml")));

        assertThat(plan.services().get(0).stages()).isEqualTo(ALL_BUT_DEPLOY);
        assertThat(plan.services().get(0).environments()).containsExactly("production");
    }

    @Test
    void aBranchOutsideThePushFilterIsNotTriggered() {
        BuildDecision decision = BuildPlanner.decide(push("experiment"), file("single.slipway.yml"));

        assertThat(decision).isEqualTo(new BuildDecision.NotTriggered(
                "no push trigger in .slipway.yml matches branch experiment"));
    }

    @Test
    void aForkPullRequestGetsNoSecretsAndNoDeploy() {
        BuildRequest fork = request(EventKind.PULL_REQUEST, "patch-1", null,
                new PullRequest(8, "main", "mallory/api", true, null), "refs/pull/8/head");

        BuildPlan plan = run(BuildPlanner.decide(fork, file("single.slipway.yml")));

        assertThat(fork.untrusted()).isTrue();
        assertThat(plan.secrets()).isEmpty();
        assertThat(plan.deployAllowed()).isFalse();
        assertThat(plan.services().get(0).environments()).isEmpty();
        assertThat(plan.services().get(0).stages()).isEqualTo(ALL_BUT_DEPLOY);
        assertThat(plan.notes()).anyMatch(n -> n.contains("secrets [NPM_TOKEN] are withheld"));
    }

    @Test
    void aPullRequestFromTheSameRepositoryKeepsSecretsButDoesNotDeploy() {
        BuildRequest pr = request(EventKind.PULL_REQUEST, "feature/cancel", null,
                new PullRequest(7, "main", "acme/api", false, null), "refs/pull/7/head");

        BuildPlan plan = run(BuildPlanner.decide(pr, file("single.slipway.yml")));

        assertThat(plan.secrets()).containsExactly("NPM_TOKEN");
        assertThat(plan.deploys()).isFalse();
    }

    @Test
    void aPullRequestIntoAnUnlistedBranchIsNotTriggered() {
        BuildRequest pr = request(EventKind.PULL_REQUEST, "x", null,
                new PullRequest(9, "develop", "acme/api", false, null), "refs/pull/9/head");

        assertThat(BuildPlanner.decide(pr, file("single.slipway.yml")))
                .isEqualTo(new BuildDecision.NotTriggered("no pull_request trigger in .slipway.yml matches target branch develop"));
    }

    @Test
    void schedulesBuildOnlyTheirBranches() {
        BuildRequest main = request(EventKind.SCHEDULE, "main", null, null, "refs/heads/main");
        BuildRequest other = request(EventKind.SCHEDULE, "release/1", null, null, "refs/heads/release/1");

        assertThat(BuildPlanner.decide(main, file("single.slipway.yml"))).isInstanceOf(BuildDecision.Run.class);
        assertThat(BuildPlanner.decide(other, file("single.slipway.yml")))
                .isEqualTo(new BuildDecision.NotTriggered("no schedule in .slipway.yml builds branch release/1"));
    }

    @Test
    void manualAndChatFollowTheirSwitches() {
        assertThat(BuildPlanner.decide(request(EventKind.MANUAL, "main", null, null, "refs/heads/main"),
                file("single.slipway.yml"))).isInstanceOf(BuildDecision.Run.class);
        assertThat(BuildPlanner.decide(request(EventKind.CHAT, "main", null, null, "refs/heads/main"),
                file("single.slipway.yml"))).isEqualTo(new BuildDecision.NotTriggered("chat builds are off (on.chat: false)"));
    }

    @Test
    void aBrokenFileIsRejectedWithEveryErrorAndItsPosition() {
        BuildDecision decision = BuildPlanner.decide(push("main"), file("broken.slipway.yml"));

        assertThat(decision).isInstanceOf(BuildDecision.Rejected.class);
        assertThat(((BuildDecision.Rejected) decision).problems())
                .extracting(p -> p.line() + ":" + p.column() + " " + p.path() + " " + p.code())
                .containsExactly("4:3 integration.imag unknown-key", "11:20 flows[0].environments[0] undefined-environment");
    }

    @Test
    void aReleaseKeepsItsDeployOrderAndDependencies() {
        BuildPlan plan = run(BuildPlanner.decide(push("main"), file("release.slipway.yml")));

        assertThat(plan.services()).containsExactly(
                new PlannedService("db-migrations", List.of(), List.of(StageKind.BUILD), List.of("production")),
                new PlannedService("api", List.of("db-migrations"), List.of(StageKind.INTEGRATION, StageKind.BUILD),
                        List.of("production")));
        assertThat(plan.stageRecords()).extracting(s -> s.service() + "/" + s.name()).containsExactly(
                "db-migrations/build", "db-migrations/deploy:production", "api/integration", "api/build",
                "api/deploy:production");
    }
}
