package dev.slipway.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import dev.slipway.builder.docker.DockerClients;
import dev.slipway.core.secret.MapSecretStore;
import dev.slipway.core.task.ContainerSpec;
import dev.slipway.core.task.Resources;
import dev.slipway.core.task.TaskLaunch;
import dev.slipway.core.task.TaskSpec;
import dev.slipway.runtime.asl.eval.Json;
import dev.slipway.runtime.asl.eval.StateFailedException;
import dev.slipway.runtime.docker.DockerTaskRunner;
import dev.slipway.runtime.docker.DockerTaskRunnerConfig;
import dev.slipway.runtime.docker.Reaper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's ecs:runTask port on the real Docker daemon, with RunTask parameters as the state machine sends them. */
class DockerEcsTaskPortIT {

    private static final DockerClient DOCKER = DockerClients.fromEnvironment();
    private static final String BUSYBOX = "slipway/busybox:1";

    @TempDir
    Path logDir;

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final LocalTaskDefinitions definitions = new LocalTaskDefinitions();
    private final String buildId = "port-it-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void nothingLeft() {
        pool.shutdownNow();
        Reaper.Sweep left = new Reaper(DOCKER).leftovers(Map.of(TaskSpec.BUILD_LABEL, buildId));
        assertThat(left.isEmpty()).as("left behind: %s", left).isTrue();
    }

    private DockerEcsTaskPort port(StageLogDirectory logs) {
        DockerTaskRunner runner = new DockerTaskRunner(DOCKER, DockerTaskRunnerConfig.defaults(), new MapSecretStore(Map.of()));
        return new DockerEcsTaskPort(definitions, runner, logs, pool);
    }

    private TaskSpec spec(String stage, String script) {
        ContainerSpec step = ContainerSpec.builder("step", BUSYBOX).entrypoint(List.of("sh", "-c")).command(script)
                .env("GREETING", "registered").build();
        return new TaskSpec(buildId, stage, List.of(step), "slipway-" + buildId + "-" + stage + "-ws", Map.of(),
                Duration.ofMinutes(1), Resources.UNLIMITED);
    }

    /** RunTask parameters as pipeline.asl.json builds them from prepare's output. */
    private static JsonNode runTask(TaskLaunch launch) {
        ObjectNode params = Json.object();
        params.put("Cluster", "arn:aws:ecs:us-east-1:000000000000:cluster/slipway");
        params.put("TaskDefinition", launch.taskDefinition());
        params.set("Overrides", Json.MAPPER.valueToTree(launch.overrides()));
        params.put("LaunchType", "FARGATE");
        return params;
    }

    @Test
    void runsTheRegisteredSpecWithItsOverridesAndAnswersLikeEcs() throws Exception {
        StageLogDirectory logs = new StageLogDirectory(logDir);
        TaskLaunch launch = definitions.register(spec("api.integration", "echo \"$GREETING $EXTRA\""));
        ObjectNode params = (ObjectNode) runTask(launch);
        ObjectNode override = (ObjectNode) params.get("Overrides").get("ContainerOverrides").get(0);
        ((com.fasterxml.jackson.databind.node.ArrayNode) override.get("Environment")).addObject()
                .put("Name", "EXTRA").put("Value", "and overridden");

        JsonNode task = port(logs).run(params, null).toCompletableFuture().get(60, TimeUnit.SECONDS);

        assertThat(task.path("lastStatus").asText()).isEqualTo("STOPPED");
        assertThat(task.path("containers").get(0).path("exitCode").asInt()).isZero();
        String arn = task.path("taskArn").asText();
        assertThat(logs.lastLines(buildId, "api.integration", arn, 10)).contains("[step] registered and overridden");
    }

    @Test
    void aFailingCommandStopsWithItsExitCode() throws Exception {
        TaskLaunch launch = definitions.register(spec("api.integration", "echo broken; exit 3"));
        JsonNode task = port(new StageLogDirectory(logDir)).run(runTask(launch), null).toCompletableFuture()
                .get(60, TimeUnit.SECONDS);

        assertThat(task.path("containers").get(0).path("exitCode").asInt()).isEqualTo(3);
        assertThat(task.path("stopCode").asText()).isEqualTo("EssentialContainerExited");
    }

    @Test
    void cancellingTheRunStopsTheContainersWithinFiveSeconds() throws Exception {
        TaskLaunch launch = definitions.register(spec("api.integration", "echo started; sleep 120"));
        StageLogDirectory logs = new StageLogDirectory(logDir);
        CompletableFuture<JsonNode> run = port(logs).run(runTask(launch), null).toCompletableFuture();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> !DOCKER.listContainersCmd().withLabelFilter(Map.of(TaskSpec.BUILD_LABEL, buildId)).exec().isEmpty());

        run.cancel(true);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> DOCKER.listContainersCmd()
                .withShowAll(true).withLabelFilter(Map.of(TaskSpec.BUILD_LABEL, buildId)).exec().isEmpty());
        // The runner removes the task's volume after its containers; the cancelled stage does not wait for that.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> new Reaper(DOCKER).leftovers(Map.of(TaskSpec.BUILD_LABEL, buildId)).isEmpty());
    }

    @Test
    void anUnknownTaskDefinitionFailsLikeEcs() {
        ObjectNode params = Json.object();
        params.put("TaskDefinition", "arn:aws:ecs:local:000000000000:task-definition/nope:1");
        assertThatThrownBy(() -> port(new StageLogDirectory(logDir)).run(params, null).toCompletableFuture().get())
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(StateFailedException.class).hasMessageContaining("Unable to describe task definition");
    }
}
