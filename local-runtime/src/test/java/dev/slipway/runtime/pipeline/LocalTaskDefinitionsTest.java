package dev.slipway.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.task.ContainerSpec;
import dev.slipway.core.task.Resources;
import dev.slipway.core.task.TaskLaunch;
import dev.slipway.core.task.TaskSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTaskDefinitionsTest {
    @TempDir
    Path dir;

    @Test
    void aDefinitionRegisteredBeforeARestartIsFoundAfterIt() {
        TaskSpec spec = spec("build-7", "pre_build");
        TaskLaunch launch = new LocalTaskDefinitions(dir).register(spec);

        LocalTaskDefinitions afterRestart = new LocalTaskDefinitions(dir);

        assertThat(afterRestart.find(launch.taskDefinition())).contains(spec);
    }

    @Test
    void equalSpecsShareOneReferenceAndOneFileAndOthersGetTheirOwn() throws IOException {
        LocalTaskDefinitions definitions = new LocalTaskDefinitions(dir);
        String first = definitions.register(spec("build-7", "build")).taskDefinition();
        String again = new LocalTaskDefinitions(dir).register(spec("build-7", "build")).taskDefinition();
        String other = definitions.register(spec("build-8", "build")).taskDefinition();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("two definitions, no temporary file left").hasSize(2).allMatch(n -> n.endsWith(".json"));
        }
    }

    @Test
    void anUnknownOrForeignReferenceIsNotFound() {
        LocalTaskDefinitions definitions = new LocalTaskDefinitions(dir);

        assertThat(definitions.find("arn:aws:ecs:local:000000000000:task-definition/slipway-local-build-0123456789abcdef:1"))
                .isEmpty();
        assertThat(definitions.find("arn:aws:ecs:local:000000000000:task-definition/../../etc/passwd:1")).isEmpty();
        assertThat(definitions.find("arn:aws:ecs:us-east-1:1:task-definition/other:3")).isEmpty();
    }

    @Test
    void aDamagedDefinitionIsAnErrorNamingTheFile() throws IOException {
        String reference = new LocalTaskDefinitions(dir).register(spec("build-7", "integration")).taskDefinition();
        try (Stream<Path> files = Files.list(dir)) {
            Files.writeString(files.findFirst().orElseThrow(), "{\"buildId\":");
        }

        assertThatThrownBy(() -> new LocalTaskDefinitions(dir).find(reference))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining(dir.toString())
                .hasMessageContaining("run the build again");
    }

    @Test
    void withoutADirectoryDefinitionsLiveInMemoryOnly() {
        LocalTaskDefinitions memory = new LocalTaskDefinitions();
        String reference = memory.register(spec("build-7", "build")).taskDefinition();

        assertThat(memory.find(reference)).isPresent();
        assertThat(new LocalTaskDefinitions().find(reference)).isEmpty();
    }

    /** Every kind of field the compiler fills: services, health checks, dependencies, sizes, capabilities. */
    private static TaskSpec spec(String build, String stage) {
        ContainerSpec redis = ContainerSpec.builder("redis", "slipway/redis:7").command("redis-server").essential(false)
                .healthCheck(new ContainerSpec.HealthCheck(List.of("redis-cli", "ping"), Duration.ofSeconds(1),
                        Duration.ofSeconds(2), 5, Duration.ofSeconds(3)))
                .build();
        ContainerSpec step = ContainerSpec.builder("step", "slipway/busybox:1").entrypoint(List.of("sh", "-c"))
                .command("make test").env("CI", "true").secretEnv(List.of("NPM_TOKEN")).workingDir(TaskSpec.WORKSPACE)
                .dependsOn("redis", ContainerSpec.Condition.HEALTHY).resources(Resources.of(0.5, 512))
                .capability(ContainerSpec.Capability.values()[0]).build();
        return new TaskSpec(build, stage, List.of(redis, step), "slipway-" + build + "-ws", Map.of("team", "api"),
                Duration.ofMinutes(30), Resources.of(1, 2048));
    }
}
