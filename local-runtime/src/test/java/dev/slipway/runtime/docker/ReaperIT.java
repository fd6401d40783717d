package dev.slipway.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.core.task.TaskSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A runner killed mid-stage cannot clean up; the reaper finds what it left by label and removes it. */
class ReaperIT {

    @Test
    void removesWhatAKilledRunnerLeftBehind() throws Exception {
        String build = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process runner = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                RunnerProcess.class.getName(), build).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        var reaper = new Reaper(DockerFixture.DOCKER);
        Map<String, String> labels = Map.of(TaskSpec.BUILD_LABEL, build);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> reaper.leftovers(labels).containers().size() == 3);
        } finally {
            runner.destroyForcibly().waitFor();
        }

        Reaper.Sweep left = reaper.leftovers(labels);
        assertThat(left.containers()).containsExactlyInAnyOrder("slipway-" + build + "-integration-sandbox",
                "slipway-" + build + "-integration-db", "slipway-" + build + "-integration-step");
        assertThat(left.networks()).containsExactly("slipway-" + build + "-integration-net");
        assertThat(left.volumes()).containsExactly("slipway-" + build + "-ws");

        Reaper.Sweep removed = reaper.reapBuild(build);

        assertThat(removed.containers()).hasSize(3);
        assertThat(removed.networks()).hasSize(1);
        assertThat(removed.volumes()).hasSize(1);
        DockerFixture.assertNothingLeftOf(build);
        assertThat(reaper.reapBuild(build).isEmpty()).as("a second sweep finds nothing").isTrue();
    }

    @Test
    void keepsADeployedServiceWhoseImageCarriesTheBuildLabel() {
        String build = "deployed-" + UUID.randomUUID().toString().substring(0, 8);
        var docker = DockerFixture.DOCKER;
        // As a built image's labels reach the container deployed from it: build label and deploy label both.
        String deployed = docker.createContainerCmd("slipway/busybox:1").withName("slipway-" + build + "-service")
                .withLabels(Map.of(TaskSpec.BUILD_LABEL, build, Reaper.DEPLOY_LABEL, "svc/staging"))
                .withCmd("sleep", "60").exec().getId();
        String stage = docker.createContainerCmd("slipway/busybox:1").withName("slipway-" + build + "-stage")
                .withLabels(Map.of(TaskSpec.BUILD_LABEL, build)).withCmd("true").exec().getId();
        try {
            Reaper.Sweep removed = new Reaper(docker).reapBuild(build);

            assertThat(removed.containers()).containsExactly("slipway-" + build + "-stage");
            assertThat(docker.inspectContainerCmd(deployed).exec().getId()).isEqualTo(deployed);
        } finally {
            docker.removeContainerCmd(deployed).withForce(true).exec();
            try {
                docker.removeContainerCmd(stage).withForce(true).exec();
            } catch (com.github.dockerjava.api.exception.NotFoundException removedByTheSweep) {
                // expected
            }
        }
    }
}
