package dev.slipway.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.core.command.PushImageResultCallback;
import dev.slipway.core.secret.MapSecretStore;
import dev.slipway.core.task.CancelToken;
import dev.slipway.core.task.ContainerSpec;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where images come from: the daemon, a mirror, the image's registry; and the errors when none has it. */
class DockerImagesIT {

    private static final RegistryCredentials REGISTRY = DockerFixture.registry();
    private final List<String> builds = new ArrayList<>();
    private final List<String> imagesToRemove = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        builds.forEach(DockerFixture::assertNothingLeftOf);
        imagesToRemove.forEach(image -> {
            try {
                DockerFixture.DOCKER.removeImageCmd(image).withForce(true).exec();
            } catch (RuntimeException e) {
                // Not pulled in this test: nothing to remove.
            }
        });
    }

    private TaskResult run(DockerTaskRunnerConfig config, String image) {
        String build = "img-" + UUID.randomUUID().toString().substring(0, 8);
        builds.add(build);
        var step = ContainerSpec.builder("step", image).command("echo", "from", image).build();
        TaskSpec spec = new TaskSpec(build, "integration", List.of(step), "slipway-" + build + "-ws", Map.of(),
                Duration.ofMinutes(2), Resources.UNLIMITED);
        return new DockerTaskRunner(DockerFixture.DOCKER, config, new MapSecretStore(Map.of())).run(spec, new RecordingLogSink(),
                new CancelToken());
    }

    /** Pushes busybox to the dev registry under a fresh name and removes every local tag of that name. */
    private String pushedBusybox() throws InterruptedException {
        String repository = "slipway-it/busybox-" + UUID.randomUUID().toString().substring(0, 8);
        String remote = REGISTRY.host() + "/" + repository;
        DockerFixture.DOCKER.tagImageCmd(DockerFixture.BUSYBOX, remote, "1").exec();
        assertThat(DockerFixture.DOCKER.pushImageCmd(remote).withTag("1").withAuthConfig(REGISTRY.toAuthConfig())
                .exec(new PushImageResultCallback()).awaitCompletion(60, TimeUnit.SECONDS)).isTrue();
        DockerFixture.DOCKER.removeImageCmd(remote + ":1").exec();
        imagesToRemove.add(remote + ":1");
        imagesToRemove.add(repository + ":1");
        return repository + ":1";
    }

    @Test
    void aMissingImageIsAnErrorNamingItAndWhereTheRunnerLooked() {
        TaskResult result = run(DockerTaskRunnerConfig.defaults().withRegistry(REGISTRY, true), "slipway-it/not-built-anywhere:1");

        assertThat(result.status()).isEqualTo(TaskStatus.ERROR);
        assertThat(result.reason()).contains("slipway-it/not-built-anywhere:1").contains(REGISTRY.host()).contains("docker.io");
    }

    @Test
    void anImageMissingLocallyIsPulledFromTheMirrorWithCredentials() throws InterruptedException {
        String image = pushedBusybox();

        TaskResult result = run(DockerTaskRunnerConfig.defaults().withRegistry(REGISTRY, true), image);

        assertThat(result.status()).as(result.reason()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(DockerFixture.DOCKER.inspectImageCmd(image).exec().getId()).isNotBlank();
    }

    @Test
    void anImageNamingItsRegistryIsPulledFromThere() throws InterruptedException {
        String image = REGISTRY.host() + "/" + pushedBusybox();

        TaskResult result = run(DockerTaskRunnerConfig.defaults().withRegistry(REGISTRY, false), image);

        assertThat(result.status()).as(result.reason()).isEqualTo(TaskStatus.SUCCEEDED);
    }

    @Test
    void aWrongRegistryPasswordIsAnErrorThatSaysSo() throws InterruptedException {
        String image = REGISTRY.host() + "/" + pushedBusybox();
        var wrong = new RegistryCredentials(REGISTRY.host(), REGISTRY.username(), "not-the-password");

        TaskResult result = run(DockerTaskRunnerConfig.defaults().withRegistry(wrong, false), image);

        assertThat(result.status()).isEqualTo(TaskStatus.ERROR);
        assertThat(result.reason()).contains(image).containsAnyOf("unauthorized", "authentication required")
                .doesNotContain("not-the-password");
    }

    @Test
    void anUnreachableRegistryIsAnErrorNamingIt() {
        TaskResult result = run(DockerTaskRunnerConfig.defaults(), "127.0.0.1:5999/slipway-it/busybox:1");

        assertThat(result.status()).isEqualTo(TaskStatus.ERROR);
        assertThat(result.reason()).contains("127.0.0.1:5999").contains("connection refused");
    }
}
