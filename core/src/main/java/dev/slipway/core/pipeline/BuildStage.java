package dev.slipway.core.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Dockerfile build of the release image, tagged and pushed.
 *
 * @param dockerfile path of the Dockerfile, relative to the workspace
 * @param context    build context directory, relative to the workspace
 * @param image      the repository the image is pushed to, without a tag
 * @param tags       tag templates; {@code ${COMMIT_SHA}} etc. are expanded by {@link TagTemplate}
 */
public record BuildStage(
        String dockerfile,
        String context,
        Map<String, String> args,
        String image,
        List<String> tags,
        Duration timeout,
        int retry,
        Optional<Approval> approval) implements Stage {

    public static final String DEFAULT_DOCKERFILE = "Dockerfile";
    public static final String DEFAULT_CONTEXT = ".";
    public static final List<String> DEFAULT_TAGS = List.of("${COMMIT_SHA}");

    public BuildStage {
        args = Map.copyOf(args);
        tags = List.copyOf(tags);
    }

    @Override
    public StageKind kind() {
        return StageKind.BUILD;
    }
}
