package dev.slipway.builder.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.model.AuthConfig;
import dev.slipway.builder.BuilderFailedException;
import dev.slipway.builder.docker.DockerClients;
import dev.slipway.core.task.TaskOutputs;
import dev.slipway.testkit.env.DevRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Builds, pushes to the authenticated dev registry, and pulls back by digest. */
class ImageBuilderIT {

    private static final DockerClient DOCKER = DockerClients.fromEnvironment();
    private static final DevRegistry REGISTRY = DevRegistry.load();
    private static final Path CONTEXT = Path.of("src/test/resources/image/app");

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final ImageBuilder builder = new ImageBuilder(DOCKER, new PrintStream(log, true, StandardCharsets.UTF_8));
    private final List<String> images = new ArrayList<>();

    @AfterEach
    void removeImages() {
        for (String image : images) {
            try {
                DOCKER.removeImageCmd(image).withForce(true).exec();
            } catch (RuntimeException e) {
                // Never created (the test failed before): nothing to remove.
            }
        }
    }

    private ImageBuildRequest request(String registryHost, String password, String... tags) {
        String repository = registryHost + "/slipway-it/app-" + UUID.randomUUID().toString().substring(0, 8);
        for (String tag : tags) {
            images.add(repository + ":" + tag);
        }
        return new ImageBuildRequest(CONTEXT, CONTEXT.resolve("Dockerfile"), repository, List.of(tags), Map.of("APP_VERSION", "abc123"),
                Map.of("dev.slipway.test", "image-builder"), Optional.of(REGISTRY.username()), Optional.of(password));
    }

    @Test
    void buildsPushesEveryTagAndReportsADigestThatPullsBack() throws Exception {
        ImageBuildRequest request = request(REGISTRY.host(), REGISTRY.password(), "abc123", "main");

        String digest = builder.buildAndPush(request);

        assertThat(digest).matches("sha256:[0-9a-f]{64}");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains(TaskOutputs.digestLine(digest)).contains("Step 1/");
        String byDigest = request.repository() + "@" + digest;
        images.forEach(image -> DOCKER.removeImageCmd(image).withForce(true).exec());
        images.add(byDigest);
        assertThat(DOCKER.pullImageCmd(byDigest).withAuthConfig(auth(REGISTRY.password()))
                .exec(new PullImageResultCallback()).awaitCompletion(60, TimeUnit.SECONDS)).isTrue();
        var image = DOCKER.inspectImageCmd(byDigest).exec();
        assertThat(image.getRepoDigests()).contains(byDigest);
        assertThat(image.getConfig().getLabels()).containsEntry("dev.slipway.test", "image-builder");
    }

    @Test
    void aWrongRegistryPasswordFailsThePushSayingSo() {
        ImageBuildRequest request = request(REGISTRY.host(), "wrong-password", "v1");

        assertThatThrownBy(() -> builder.buildAndPush(request)).isInstanceOf(BuilderFailedException.class)
                .hasMessageContaining("push of " + request.repository() + ":v1 to " + REGISTRY.host() + " failed")
                .hasMessageContaining("authentication required")
                .hasMessageNotContaining("wrong-password");
    }

    @Test
    void anUnreachableRegistryFailsThePushNamingIt() {
        ImageBuildRequest request = request("127.0.0.1:5999", REGISTRY.password(), "v1");

        assertThatThrownBy(() -> builder.buildAndPush(request)).isInstanceOf(BuilderFailedException.class)
                .hasMessageContaining("to 127.0.0.1:5999 failed").hasMessageContaining("connection refused");
    }

    @Test
    void aFailingDockerfileStepFailsTheBuild() {
        var request = new ImageBuildRequest(CONTEXT, CONTEXT.resolve("Dockerfile.failing"), REGISTRY.host() + "/slipway-it/never",
                List.of("v1"), Map.of(), Map.of(), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> builder.buildAndPush(request)).isInstanceOf(BuilderFailedException.class)
                .hasMessageContaining("docker build of").hasMessageContaining("non-zero code: 7");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("compiling");
    }

    @Test
    void aMissingDockerfileIsNamed() {
        var request = new ImageBuildRequest(CONTEXT, CONTEXT.resolve("Dockerfile.release"), "x/y", List.of("v1"), Map.of(), Map.of(),
                Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> builder.buildAndPush(request)).hasMessageContaining("Dockerfile.release does not exist");
    }

    private static AuthConfig auth(String password) {
        return new AuthConfig().withRegistryAddress(REGISTRY.host()).withUsername(REGISTRY.username()).withPassword(password);
    }
}
