package dev.slipway.runtime.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.slipway.builder.docker.DockerClients;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.core.task.TaskSpec;
import dev.slipway.runtime.docker.Reaper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slipway up} killed with SIGKILL while a stage runs in Docker, then started again: the
 * interrupted stage runs again (the engine fails it with Slipway.TaskInterrupted, which the pipeline
 * retries, and its task definition was kept on disk), the build ends SUCCEEDED, the killed run's
 * containers are gone, and what was recorded is kept.
 */
class InterruptedBuildIT {

    @TempDir
    Path dir;

    @Test
    void aBuildInterruptedByKillMinusNineContinuesToTheEndAndLeavesNoContainers() throws Exception {
        Path repo = dir.resolve("api");
        String commit = UpFixture.repository(repo, "interruptible-repo");
        Path config = UpFixture.config(dir, repo);
        Path data = dir.resolve("data");
        DockerClient docker = DockerClients.fromEnvironment();
        Reaper reaper = new Reaper(docker);
        String buildId;
        List<String> killedRun;
        try (UpProcess first = UpProcess.start(data, config, UpFixture.env())) {
            URI base = first.base();
            buildId = parse(UpFixture.push(base, "interrupted-1", commit, UpFixture.SECRET).body()).path("buildId").asText();
            String id = buildId;
            await("the integration stage to run").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> parse(UpFixture.get(base, "api/builds/" + id).body()).path("stages").path(0)
                            .path("status").asText(), "RUNNING"::equals);
            // RUNNING is recorded as the task starts, before Docker has its containers: kill once they are there.
            await("the stage's containers").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                    .until(() -> containerIds(docker, id), ids -> !ids.isEmpty());
            first.kill();
            killedRun = containerIds(docker, buildId);
        }
        assertThat(killedRun).as("kill -9 left the stage's containers").isNotEmpty();

        try (UpProcess second = UpProcess.start(data, config, UpFixture.env())) {
            assertThat(containerIds(docker, buildId)).as(second.output()).doesNotContainAnyElementsOf(killedRun);
            URI base = second.base();
            String id = buildId;
            JsonNode build = await("the interrupted build to end").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> parse(UpFixture.get(base, "api/builds/" + id).body()),
                            b -> b.path("status").asText().matches("SUCCEEDED|FAILED|CANCELLED|ROLLED_BACK"));
            assertThat(build.path("status").asText()).as(build.toPrettyString()).isEqualTo("SUCCEEDED");
            assertThat(build.path("request").path("commit").asText()).isEqualTo(commit);
            assertThat(build.path("stages").path(0).path("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(reaper.leftovers(Map.of(TaskSpec.BUILD_LABEL, buildId)).isEmpty()).as("the rerun cleaned up").isTrue();
        }
    }

    @Test
    void aStopWhileAStageStartsLeavesNothingOnDockerAndTheBuildContinuesAfterAStart() throws Exception {
        Path repo = dir.resolve("api");
        String commit = UpFixture.repository(repo, "interruptible-repo");
        Path config = UpFixture.config(dir, repo);
        Reaper reaper = new Reaper(DockerClients.fromEnvironment());
        String buildId;
        try (UpProcess up = UpProcess.start(dir.resolve("data"), config, UpFixture.env())) {
            URI base = up.base();
            buildId = parse(UpFixture.push(base, "stopped-1", commit, UpFixture.SECRET).body()).path("buildId").asText();
            String id = buildId;
            // The stage is marked RUNNING just before its task starts: stop while its containers are being made.
            await("the integration stage to start").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> parse(UpFixture.get(base, "api/builds/" + id).body()).path("stages").path(0)
                            .path("status").asText(), "RUNNING"::equals);
            assertThat(up.stop()).as(up.output()).isIn(0, 143);
        }
        Reaper.Sweep left = reaper.reapBuild(buildId);
        assertThat(left.isEmpty()).as("what a SIGTERM left: " + left).isTrue();

        try (UpProcess again = UpProcess.start(dir.resolve("data"), config, UpFixture.env())) {
            String id = buildId;
            JsonNode build = await("the stopped build to end").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> parse(UpFixture.get(again.base(), "api/builds/" + id).body()),
                            b -> b.path("status").asText().matches("SUCCEEDED|FAILED|CANCELLED|ROLLED_BACK"));
            assertThat(build.path("status").asText()).as(build.toPrettyString()).isEqualTo("SUCCEEDED");
        }
    }

    private static List<String> containerIds(DockerClient docker, String buildId) {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(TaskSpec.BUILD_LABEL, buildId)).exec()
                .stream().map(Container::getId).toList();
    }

    private static JsonNode parse(String text) {
        try {
            return SlipwayJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
