package dev.slipway.builder.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One release image to build and push.
 *
 * @param context the build context directory (the workspace or a directory in it)
 * @param dockerfile the Dockerfile, inside the context
 * @param repository where the image is pushed ({@code 127.0.0.1:5000/acme/api})
 * @param tags pushed in order; the first tag's digest is reported
 * @param buildArgs {@code ARG} values
 * @param username registry login; empty to push anonymously
 */
public record ImageBuildRequest(Path context, Path dockerfile, String repository, List<String> tags,
        Map<String, String> buildArgs, Map<String, String> labels, Optional<String> username, Optional<String> password) {

    public ImageBuildRequest {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(dockerfile, "dockerfile");
        Objects.requireNonNull(repository, "repository");
        tags = List.copyOf(tags);
        buildArgs = Map.copyOf(buildArgs);
        labels = Map.copyOf(labels);
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (tags.isEmpty()) {
            throw new IllegalArgumentException("an image build needs at least one tag");
        }
    }

    @Override
    public String toString() {
        return "ImageBuildRequest[" + repository + ":" + tags + " from " + dockerfile + "]";
    }
}
