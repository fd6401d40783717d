package dev.slipway.runtime.docker;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The builder image for ITs, built from this checkout's builder-container (Dockerfile and the jar
 * the reactor just packaged), so the ITs test the current builder rather than whatever
 * {@code slipway/builder:dev} the set-up script built last.
 */
final class BuilderImage {

    static final String TAG = "slipway/builder:it";
    private static boolean built;

    private BuilderImage() {
    }

    static synchronized String get() {
        if (!built) {
            Path dir = Path.of("../builder-container").toAbsolutePath().normalize();
            Path jar = dir.resolve("target/slipway-builder.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: run the ITs through the reactor "
                        + "(./mvnw -pl local-runtime -am verify) so that builder-container is packaged first");
            }
            DockerFixture.DOCKER.buildImageCmd(dir.toFile()).withTags(Set.of(TAG)).withBuildArg("BASE_IMAGE", "slipway/jre:17")
                    .withPull(false).exec(new BuildImageResultCallback()).awaitImageId(5, TimeUnit.MINUTES);
            built = true;
        }
        return TAG;
    }
}
