package dev.slipway.statemachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.core.approval.Approval;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.build.BuildStatus;
import dev.slipway.core.build.StageRecord;
import dev.slipway.core.build.StageStatus;
import dev.slipway.core.deploy.Deployment;
import dev.slipway.core.deploy.DeploymentKind;
import dev.slipway.core.deploy.DeploymentStatus;
import dev.slipway.core.deploy.ServiceEnvironment;
import dev.slipway.core.scm.CommitStatuses.CommitState;
import dev.slipway.core.task.TaskOutputs;
import dev.slipway.runtime.asl.eval.Execution;
import dev.slipway.runtime.asl.eval.ExecutionStatus;
import dev.slipway.testkit.build.TestBuilds;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pipeline.asl.json run by the local engine with the real functions; stage tasks scripted where
 * Docker is not the point (the Docker bridge has its own IT), deployments on a recording target.
 */
class PipelineScenariosIT {

    @TempDir
    Path logs;

    private PipelineHarness harness;
    private ScriptedEcsPort ecs;
    private final FakeDeployTarget target = new FakeDeployTarget();

    private PipelineHarness harness() {
        harness = new PipelineHarness(logs, h -> ecs = new ScriptedEcsPort(h.definitions, h.logs), target);
        return harness;
    }

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    private static BuildRequest push(String delivery) {
        return TestBuilds.push("acme/api", "main", delivery, Instant.now());
    }

    private static Execution finished(Execution execution) throws Exception {
        return execution.done().get(60, TimeUnit.SECONDS);
    }

    private static StageRecord stage(BuildRecord build, String name) {
        return build.stages().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void allStagesPassAndTheImageIsDeployed() throws Exception {
        PipelineHarness h = harness();
        BuildRequest request = push("all-pass");
        Execution done = finished(h.start("single", request));

        assertThat(done.status()).as("%s: %s", done.error(), done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(ecs.started).containsExactly("api.integration", "api.pre_build", "api.build");
        BuildRecord build = h.build(request.id());
        assertThat(build.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(build.stages()).extracting(StageRecord::name, StageRecord::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("integration", StageStatus.SUCCEEDED),
                org.assertj.core.groups.Tuple.tuple("pre_build", StageStatus.SUCCEEDED),
                org.assertj.core.groups.Tuple.tuple("build", StageStatus.SUCCEEDED),
                org.assertj.core.groups.Tuple.tuple("deploy:staging", StageStatus.SUCCEEDED));
        String image = build.images().get("api");
        assertThat(image).startsWith("localhost:5000/acme/api@sha256:");
        assertThat(stage(build, "build").logPointer()).isNotBlank();
        ServiceEnvironment staging = new ServiceEnvironment("api", "staging");
        assertThat(target.running).containsEntry(staging, image);
        assertThat(h.deployments.lastGood(staging)).map(Deployment::image).contains(image);
        assertThat(h.statuses.states).containsExactly(CommitState.RUNNING, CommitState.SUCCESS);
        assertThat(h.statuses.links).allMatch(u -> u.toString().endsWith("/builds/" + request.id()));
        assertThat(h.notifier.buildStatuses).last().isEqualTo("SUCCEEDED");
    }

    @Test
    void aFailingIntegrationStageStopsTheBuildBeforeAnyDeployAndIsNotified() throws Exception {
        PipelineHarness h = harness();
        ecs.script("api.integration", new ScriptedEcsPort.Outcome.Exit(1, List.of("$ ./gradlew test", "3 tests FAILED")));
        BuildRequest request = push("integration-fails");
        Execution done = finished(h.start("single", request));

        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("Slipway.StageFailed");
        assertThat(done.cause()).contains("integration of api failed: exited with code 1").contains("3 tests FAILED");
        assertThat(ecs.started).containsExactly("api.integration");
        assertThat(target.rollouts).isEmpty();
        BuildRecord build = h.build(request.id());
        assertThat(build.status()).isEqualTo(BuildStatus.FAILED);
        assertThat(build.reason()).contains("exited with code 1");
        StageRecord integration = stage(build, "integration");
        assertThat(integration.status()).isEqualTo(StageStatus.FAILED);
        assertThat(integration.exitCode()).isEqualTo(1);
        assertThat(h.notifier.failures).singleElement().asString().contains("integration of api").contains("3 tests FAILED");
        assertThat(h.statuses.states).containsExactly(CommitState.RUNNING, CommitState.FAILURE);
    }

    @Test
    void aRejectedApprovalFailsTheBuildWithoutDeploying() throws Exception {
        PipelineHarness h = harness();
        BuildRequest request = push("approval-rejected");
        Execution execution = h.start("approval", request);

        Approval approval = awaitApproval(h, request.id());
        assertThat(approval.approvers()).containsExactly("U012ABCDEF");
        assertThat(approval.stage()).isEqualTo("deploy:production");
        assertThat(approval.messageRef()).isNotBlank();
        assertThat(h.build(request.id()).status()).isEqualTo(BuildStatus.WAITING_APPROVAL);
        h.engine.sendTaskFailure(approval.taskToken(), "Slipway.ApprovalRejected", "rejected by U012ABCDEF");
        Execution done = finished(execution);

        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("Slipway.ApprovalRejected");
        assertThat(target.rollouts).isEmpty();
        assertThat(h.build(request.id()).status()).isEqualTo(BuildStatus.FAILED);
        assertThat(h.build(request.id()).reason()).isEqualTo("rejected by U012ABCDEF");
    }

    @Test
    void anApprovedDeployGoesOut() throws Exception {
        PipelineHarness h = harness();
        BuildRequest request = push("approval-granted");
        Execution execution = h.start("approval", request);

        Approval approval = awaitApproval(h, request.id());
        h.engine.sendTaskSuccess(approval.taskToken(), "{\"approvedBy\":[\"U012ABCDEF\"]}");
        Execution done = finished(execution);

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(target.running).containsKey(new ServiceEnvironment("api", "production"));
        assertThat(h.build(request.id()).status()).isEqualTo(BuildStatus.SUCCEEDED);
    }

    @Test
    void anExpiredApprovalFailsTheBuildWithThatReason() throws Exception {
        PipelineHarness h = harness();
        BuildRequest request = push("approval-expires");
        Execution done = finished(h.start("expiring", request));

        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("Slipway.ApprovalExpired");
        assertThat(done.cause()).contains("approval to deploy to production expired");
        assertThat(target.rollouts).isEmpty();
        BuildRecord build = h.build(request.id());
        assertThat(build.status()).isEqualTo(BuildStatus.FAILED);
        assertThat(build.reason()).contains("expired");
    }

    @Test
    void anUnhealthyDeployRestoresTheLastGoodImage() throws Exception {
        PipelineHarness h = harness();
        ServiceEnvironment staging = new ServiceEnvironment("api", "staging");
        String good = "localhost:5000/acme/api@sha256:" + "a".repeat(64);
        previousGood(h, staging, good);
        String broken = "sha256:" + "c".repeat(64);
        ecs.script("api.build", new ScriptedEcsPort.Outcome.Exit(0, List.of(TaskOutputs.digestLine(broken))));
        target.unhealthy("localhost:5000/acme/api@" + broken);
        BuildRequest request = push("unhealthy");
        Execution done = finished(h.start("single", request));

        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("Slipway.RolledBack");
        assertThat(done.cause()).contains("GET /health answered 503")
                .contains("rolled back from localhost:5000/acme/api@" + broken + " to " + good);
        assertThat(target.running).containsEntry(staging, good);
        assertThat(h.deployments.current(staging)).hasValueSatisfying(d -> {
            assertThat(d.kind()).isEqualTo(DeploymentKind.ROLLBACK);
            assertThat(d.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
            assertThat(d.image()).isEqualTo(good);
        });
        assertThat(h.deployments.lastGood(staging)).map(Deployment::image).contains(good);
        assertThat(h.build(request.id()).status()).isEqualTo(BuildStatus.ROLLED_BACK);
        assertThat(h.notifier.rollbacks).singleElement().satisfies(r -> assertThat(r.to()).isEqualTo(good));
    }

    @Test
    void aTransientEcsErrorIsRetried() throws Exception {
        PipelineHarness h = harness();
        ecs.script("api.integration", new ScriptedEcsPort.Outcome.Transient("ECS.AmazonECSException"));
        BuildRequest request = push("transient");
        Execution done = finished(h.start("single", request));

        assertThat(done.status()).as("%s: %s", done.error(), done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(ecs.started).startsWith("api.integration", "api.integration");
        assertThat(stage(h.build(request.id()), "integration").status()).isEqualTo(StageStatus.SUCCEEDED);
    }

    @Test
    void cancellingABuildStopsItsRunningTask() throws Exception {
        PipelineHarness h = harness();
        ecs.script("api.integration", new ScriptedEcsPort.Outcome.UntilStopped());
        BuildRequest request = push("cancelled");
        Execution execution = h.start("single", request);
        await().atMost(Duration.ofSeconds(20)).until(() -> ecs.started.contains("api.integration"));

        h.engine.stopExecution(execution.arn(), "Slipway.Cancelled", "cancelled by U012ABCDEF with /cancel");
        Execution done = finished(execution);

        assertThat(done.status()).isEqualTo(ExecutionStatus.ABORTED);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(ecs.stopped).hasSize(1));
        assertThat(ecs.started).containsExactly("api.integration");
    }

    @Test
    void aReleaseWithOneFailingDeployRollsBackTheServicesAlreadyDeployed() throws Exception {
        PipelineHarness h = harness();
        java.util.Map<String, String> good = new java.util.LinkedHashMap<>();
        for (String service : List.of("db", "api", "web")) {
            String image = "localhost:5000/acme/" + service + "@sha256:" + "b".repeat(64);
            good.put(service, image);
            previousGood(h, new ServiceEnvironment(service, "production"), image);
        }
        String broken = "sha256:" + "d".repeat(64);
        ecs.script("web.build", new ScriptedEcsPort.Outcome.Exit(0, List.of(TaskOutputs.digestLine(broken))));
        target.unhealthy("localhost:5000/acme/web@" + broken);
        BuildRequest request = TestBuilds.push("acme/shop", "main", "release", Instant.now());
        Execution done = finished(h.start("release", request));

        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("Slipway.RolledBack");
        assertThat(ecs.started).containsExactlyInAnyOrder("db.build", "api.integration", "api.build", "web.build");
        List<String> deployed = target.rollouts.stream().limit(3).map(r -> r.substring(0, r.indexOf('='))).toList();
        assertThat(deployed).containsExactly("db/production", "api/production", "web/production");
        for (String service : List.of("db", "api", "web")) {
            ServiceEnvironment production = new ServiceEnvironment(service, "production");
            assertThat(target.running).as(service).containsEntry(production, good.get(service));
            assertThat(h.deployments.current(production)).map(Deployment::kind).contains(DeploymentKind.ROLLBACK);
        }
        assertThat(h.notifier.rollbacks).extracting(r -> r.target().service()).containsExactly("web", "api", "db");
        assertThat(h.build(request.id()).status()).isEqualTo(BuildStatus.ROLLED_BACK);
    }

    private static void previousGood(PipelineHarness h, ServiceEnvironment where, String image) {
        Instant earlier = Instant.now().minus(Duration.ofDays(1));
        BuildId previous = BuildId.of("github-previous-" + where.service());
        h.deployments.record(new Deployment(Deployment.idFor(previous, where, DeploymentKind.DEPLOY), where, previous, image,
                DeploymentKind.DEPLOY, DeploymentStatus.SUCCEEDED, "octocat", earlier, earlier.plusSeconds(30), null));
    }

    private static Approval awaitApproval(PipelineHarness h, BuildId id) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> h.approvals.forBuild(id), list -> !list.isEmpty()).get(0);
    }

    @Test
    void aPipelineFileThatNoLongerLintsFailsTheBuildWithItsProblemsReadable() throws Exception {
        PipelineHarness h = harness();
        BuildRequest request = push("broken-at-prepare");
        Execution execution = h.start("single", request, "version: 1\nservice: api\nintegration: {commands: [true]}\n");
        Execution done = finished(execution);

        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(ecs.started).isEmpty();
        BuildRecord build = h.build(request.id());
        assertThat(build.status()).isEqualTo(BuildStatus.FAILED);
        assertThat(build.reason()).doesNotStartWith("{").contains(".slipway.yml");
        assertThat(h.statuses.states).containsExactly(CommitState.FAILURE);
    }
}
