package dev.slipway.builder.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.PushResponseItem;
import com.github.dockerjava.core.NameParser;
import dev.slipway.builder.BuilderFailedException;
import dev.slipway.core.task.TaskOutputs;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Builds a Dockerfile through the Docker Engine API, tags it and pushes every tag, then prints the
 * pushed digest as a {@link TaskOutputs#DIGEST_MARKER} line for the runner to record.
 */
public final class ImageBuilder {

    private static final long BUILD_MINUTES = 60;

    private final DockerClient docker;
    private final PrintStream log;

    public ImageBuilder(DockerClient docker, PrintStream log) {
        this.docker = docker;
        this.log = log;
    }

    /** Returns the pushed digest ({@code sha256:...}). */
    public String buildAndPush(ImageBuildRequest request) throws BuilderFailedException, InterruptedException {
        if (!Files.isRegularFile(request.dockerfile())) {
            throw new BuilderFailedException("Dockerfile " + request.dockerfile() + " does not exist; check build.dockerfile "
                    + "and build.context in .slipway.yml (the Dockerfile is relative to the repository root)");
        }
        if (!request.dockerfile().toAbsolutePath().normalize().startsWith(request.context().toAbsolutePath().normalize())) {
            throw new BuilderFailedException("Dockerfile " + request.dockerfile() + " is outside the build context "
                    + request.context() + "; move it into the context or widen build.context");
        }
        String imageId = build(request);
        String digest = null;
        for (String tag : request.tags()) {
            docker.tagImageCmd(imageId, request.repository(), tag).exec();
            String pushed = push(request, tag);
            digest = digest == null ? pushed : digest;
        }
        log.println(TaskOutputs.digestLine(digest));
        return digest;
    }

    private String build(ImageBuildRequest request) throws BuilderFailedException {
        Path archive = null;
        try {
            archive = Files.createTempFile("slipway-context-", ".tar");
            int files = BuildContextArchive.write(request.context(), request.dockerfile(), archive);
            log.println("sending " + files + " files of " + request.context() + " as the build context");
            try (InputStream context = Files.newInputStream(archive)) {
                return build(request, context);
            }
        } catch (IOException e) {
            throw new BuilderFailedException("could not read the build context " + request.context() + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(archive);
        }
    }

    private String build(ImageBuildRequest request, InputStream context) throws BuilderFailedException, IOException {
        Set<String> tags = new LinkedHashSet<>();
        request.tags().forEach(t -> tags.add(request.repository() + ":" + t));
        Path root = request.context().toRealPath();
        var cmd = docker.buildImageCmd(context)
                .withDockerfilePath(BuildContextArchive.relative(root, request.dockerfile().toRealPath()))
                .withTags(tags)
                .withLabels(request.labels())
                .withRemove(true)
                .withForcerm(true)
                .withPull(false);
        request.buildArgs().forEach(cmd::withBuildArg);
        try {
            String id = cmd.exec(new BuildImageResultCallback() {
                @Override
                public void onNext(BuildResponseItem item) {
                    if (item.getStream() != null) {
                        log.print(item.getStream());
                    }
                    super.onNext(item);
                }
            }).awaitImageId(BUILD_MINUTES, TimeUnit.MINUTES);
            log.println("built " + id);
            return id;
        } catch (DockerClientException | DockerException e) {
            throw new BuilderFailedException("docker build of " + request.dockerfile() + " failed: " + e.getMessage()
                    + "; the build output above shows the failing step", e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temp file left in the task's container: it goes with the container.
        }
    }

    private String push(ImageBuildRequest request, String tag) throws BuilderFailedException, InterruptedException {
        String host = NameParser.resolveRepositoryName(request.repository()).hostname;
        PushCallback callback = new PushCallback();
        var cmd = docker.pushImageCmd(request.repository()).withTag(tag);
        if (request.username().isPresent()) {
            cmd.withAuthConfig(new AuthConfig().withRegistryAddress(host).withUsername(request.username().get())
                    .withPassword(request.password().orElse("")));
        }
        String target = request.repository() + ":" + tag;
        try {
            cmd.exec(callback).awaitCompletion(BUILD_MINUTES, TimeUnit.MINUTES);
        } catch (DockerException e) {
            throw pushFailed(target, host, e.getMessage());
        }
        if (callback.error != null) {
            throw pushFailed(target, host, callback.error);
        }
        if (callback.digest == null) {
            throw new BuilderFailedException("push of " + target + " to " + host + " ended without a digest; the registry "
                    + "did not confirm the upload, push again");
        }
        log.println("pushed " + target + "@" + callback.digest);
        return callback.digest;
    }

    private static BuilderFailedException pushFailed(String target, String host, String error) {
        return new BuilderFailedException("push of " + target + " to " + host + " failed: " + error + "; check that the "
                + "registry is reachable and that the registry credentials (SLIPWAY_REGISTRY_USERNAME and "
                + "SLIPWAY_REGISTRY_PASSWORD secrets) may push to this repository");
    }

    /** The Engine reports push errors in the stream, not as an HTTP status. */
    private final class PushCallback extends ResultCallback.Adapter<PushResponseItem> {
        private volatile String digest;
        private volatile String error;

        @Override
        public void onNext(PushResponseItem item) {
            if (item.isErrorIndicated()) {
                error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                        ? item.getErrorDetail().getMessage() : item.getError();
            } else if (item.getAux() != null && item.getAux().getDigest() != null) {
                digest = item.getAux().getDigest();
            } else if (item.getStatus() != null && item.getProgressDetail() == null) {
                log.println(item.getStatus());
            }
        }
    }
}
