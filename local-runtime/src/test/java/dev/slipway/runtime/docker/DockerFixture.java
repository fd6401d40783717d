package dev.slipway.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.slipway.builder.docker.DockerClients;
import dev.slipway.core.task.TaskSpec;
import dev.slipway.testkit.env.DevRegistry;
import java.util.Map;

/**
 * What the Docker ITs share: one client, the images and the registry prepared by
 * {@code scripts/dev-env}, and the check that nothing labelled is left.
 */
final class DockerFixture {

    static final String BUSYBOX = "slipway/busybox:1";
    static final String REDIS = "slipway/redis:7";
    static final DockerClient DOCKER = DockerClients.fromEnvironment();

    private DockerFixture() {
    }

    /** The registry prepared by {@code scripts/dev-env}. */
    static RegistryCredentials registry() {
        DevRegistry r = DevRegistry.load();
        return new RegistryCredentials(r.host(), r.username(), r.password());
    }

    static void assertNothingLeftOf(String buildId) {
        Reaper.Sweep left = new Reaper(DOCKER).leftovers(Map.of(TaskSpec.BUILD_LABEL, buildId));
        assertThat(left.isEmpty()).as("left behind by build %s: %s", buildId, left).isTrue();
    }
}
