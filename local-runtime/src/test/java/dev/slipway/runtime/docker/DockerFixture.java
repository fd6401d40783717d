package dev.slipway.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.slipway.core.task.TaskSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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

    /**
     * The dev registry: environment variables first (CI may set them), else the file that
     * {@code scripts/dev-env} writes.
     */
    static RegistryCredentials registry() {
        Map<String, String> values = new HashMap<>();
        Path file = Path.of(System.getenv().getOrDefault("SLIPWAY_DEV_HOME", System.getProperty("user.home") + "/.slipway-dev"))
                .resolve("registry.env");
        if (Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file)) {
                    int eq = line.indexOf('=');
                    if (eq > 0 && !line.startsWith("#")) {
                        values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String key : new String[] {"SLIPWAY_REGISTRY", "SLIPWAY_REGISTRY_USERNAME", "SLIPWAY_REGISTRY_PASSWORD"}) {
            if (System.getenv(key) != null) {
                values.put(key, System.getenv(key));
            }
        }
        assertThat(values).as("registry settings; run scripts/dev-env first (it writes " + file + ")")
                .containsKeys("SLIPWAY_REGISTRY", "SLIPWAY_REGISTRY_USERNAME", "SLIPWAY_REGISTRY_PASSWORD");
        return new RegistryCredentials(values.get("SLIPWAY_REGISTRY"), values.get("SLIPWAY_REGISTRY_USERNAME"),
                values.get("SLIPWAY_REGISTRY_PASSWORD"));
    }

    static void assertNothingLeftOf(String buildId) {
        Reaper.Sweep left = new Reaper(DOCKER).leftovers(Map.of(TaskSpec.BUILD_LABEL, buildId));
        assertThat(left.isEmpty()).as("left behind by build %s: %s", buildId, left).isTrue();
    }
}
