package dev.slipway.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.secret.MapSecretStore;
import dev.slipway.core.task.CancelToken;
import dev.slipway.core.task.ContainerSpec;
import dev.slipway.core.task.ContainerSpec.Condition;
import dev.slipway.core.task.ContainerSpec.HealthCheck;
import dev.slipway.core.task.Resources;
import dev.slipway.core.task.TaskResult;
import dev.slipway.core.task.TaskSpec;
import dev.slipway.core.task.TaskStatus;
import dev.slipway.testkit.task.RecordingLogSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Service containers, health checks and limits: what only a container runtime can show. */
class DockerTaskRunnerServicesIT {

    private final DockerTaskRunner runner = new DockerTaskRunner(DockerFixture.DOCKER, DockerTaskRunnerConfig.defaults(),
            new MapSecretStore(Map.of()));
    private final List<String> builds = new ArrayList<>();

    @AfterEach
    void nothingIsLeftBehind() {
        builds.forEach(DockerFixture::assertNothingLeftOf);
    }

    private TaskSpec task(Resources resources, ContainerSpec... containers) {
        String build = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        builds.add(build);
        return new TaskSpec(build, "integration", List.of(containers), "slipway-" + build + "-ws", Map.of(),
                Duration.ofMinutes(2), resources);
    }

    private static ContainerSpec.Builder step(String image, String script) {
        return ContainerSpec.builder("step", image).entrypoint(List.of("sh", "-c")).command(script).workingDir(TaskSpec.WORKSPACE);
    }

    @Test
    void commandsReachAServiceOnLocalhostOnceItIsHealthy() {
        var redis = ContainerSpec.builder("redis", DockerFixture.REDIS).command("redis-server", "--save", "").essential(false)
                .healthCheck(new HealthCheck(List.of("redis-cli", "ping"), Duration.ofMillis(250), Duration.ofSeconds(3), 40,
                        Duration.ZERO))
                .build();
        var step = step(DockerFixture.REDIS, "redis-cli -h localhost set greeting hello && redis-cli -h localhost get greeting")
                .dependsOn("redis", Condition.HEALTHY).build();
        var sink = new RecordingLogSink();

        TaskResult result = runner.run(task(Resources.UNLIMITED, redis, step), sink, new CancelToken());

        assertThat(result.status()).as(result.reason() + "\n" + sink).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(sink.texts("step")).containsExactly("OK", "hello");
        assertThat(sink.texts("redis")).anyMatch(l -> l.contains("Ready to accept connections"));
    }

    @Test
    void aServiceThatNeverBecomesHealthyIsAnErrorNamingIt() {
        var db = ContainerSpec.builder("db", DockerFixture.BUSYBOX).command("sh", "-c", "echo starting db; sleep 60")
                .essential(false)
                .healthCheck(new HealthCheck(List.of("sh", "-c", "echo not ready yet; exit 1"), Duration.ofMillis(200),
                        Duration.ofSeconds(1), 2, Duration.ZERO))
                .build();
        var step = step(DockerFixture.BUSYBOX, "echo should-not-run").dependsOn("db", Condition.HEALTHY).build();
        var sink = new RecordingLogSink();

        TaskResult result = runner.run(task(Resources.UNLIMITED, db, step), sink, new CancelToken());

        assertThat(result.status()).isEqualTo(TaskStatus.ERROR);
        assertThat(result.reason()).contains("service db never became healthy").contains("not ready yet");
        assertThat(result.lastLines()).contains("starting db");
        assertThat(sink.contains("should-not-run")).isFalse();
    }

    @Test
    void aServiceThatExitsBeforeItIsHealthyIsAnErrorNamingIt() {
        var db = ContainerSpec.builder("db", DockerFixture.BUSYBOX).command("sh", "-c", "echo bad config; exit 2")
                .essential(false)
                .healthCheck(new HealthCheck(List.of("true"), Duration.ofMillis(200), Duration.ofSeconds(1), 5, Duration.ZERO))
                .build();
        var step = step(DockerFixture.BUSYBOX, "echo should-not-run").dependsOn("db", Condition.HEALTHY).build();

        TaskResult result = runner.run(task(Resources.UNLIMITED, db, step), new RecordingLogSink(), new CancelToken());

        assertThat(result.status()).isEqualTo(TaskStatus.ERROR);
        assertThat(result.reason()).contains("service db exited with code 2 before it became healthy");
        assertThat(result.lastLines()).contains("bad config");
    }

    @Test
    void appliesTheTaskCpuAndMemoryLimits() {
        // cgroup v1 and v2 paths: the CI machine and a developer's may differ.
        var step = step(DockerFixture.BUSYBOX, "echo mem=$(cat /sys/fs/cgroup/memory.max 2>/dev/null "
                + "|| cat /sys/fs/cgroup/memory/memory.limit_in_bytes); "
                + "echo cpu=$(cat /sys/fs/cgroup/cpu.max 2>/dev/null || cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us)").build();
        var sink = new RecordingLogSink();

        TaskResult result = runner.run(task(new Resources(512, 64), step), sink, new CancelToken());

        assertThat(result.succeeded()).as(result.reason()).isTrue();
        assertThat(sink.texts("step")).contains("mem=" + 64 * 1024 * 1024).anyMatch(l -> l.startsWith("cpu=50000"));
    }

    @Test
    void aContainerOverMemoryFailsAndSaysSo() {
        // tail buffers its whole input: /dev/zero has no newline, so it grows until the OOM killer stops it.
        var step = step(DockerFixture.BUSYBOX, "tail /dev/zero").resources(new Resources(0, 16)).build();

        TaskResult result = runner.run(task(Resources.UNLIMITED, step), new RecordingLogSink(), new CancelToken());

        assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(result.exitCode()).hasValue(137);
        assertThat(result.reason()).contains("ran out of memory");
    }
}
