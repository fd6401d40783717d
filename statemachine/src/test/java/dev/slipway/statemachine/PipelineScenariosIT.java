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
}
