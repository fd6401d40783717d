package dev.slipway.core.lint;

import dev.slipway.core.pipeline.BuildStage;
import dev.slipway.core.pipeline.CommandStage;
import dev.slipway.core.pipeline.TagTemplate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** The {@code build} stage: a Dockerfile build of the release image. */
final class BuildReader {

    private static final List<String> KEYS = List.of(
            "dockerfile", "context", "args", "image", "tags", "timeout", "retry", "approval");

    private BuildReader() {
    }

    static Optional<BuildStage> read(MappingReader parent) {
        return parent.mapping("build", KEYS).flatMap(BuildReader::stage);
    }

    private static Optional<BuildStage> stage(MappingReader build) {
        String dockerfile = build.get("dockerfile", BuildReader::workspacePath).orElse(BuildStage.DEFAULT_DOCKERFILE);
        String context = build.get("context", BuildReader::workspacePath).orElse(BuildStage.DEFAULT_CONTEXT);
        Map<String, String> args = EnvReader.read(build, "args");
        if (!build.has("image")) {
            build.missing("image", "missing-image", "the `build` stage has no `image` repository to push to",
                    "add `image:` with the repository, e.g. localhost:5000/acme/api");
        }
        Optional<String> image = build.get("image", ImageRefs::repository);
        List<String> tags = build.listOf("tags", BuildReader::tag).orElse(BuildStage.DEFAULT_TAGS);
        build.value("tags").filter(n -> tags.isEmpty()).ifPresent(n -> build.problems().error(n,
                build.pathOf("tags"), "invalid-value", "`" + build.pathOf("tags") + "` is empty",
                "list at least one tag, e.g. [\"${COMMIT_SHA}\"], or remove `tags` for that default"));
        Duration timeout = build.duration("timeout", false).orElse(CommandStage.DEFAULT_TIMEOUT);
        int retry = build.integer("retry", 0, StageReader.MAX_RETRY).orElse(0L).intValue();
        var approval = ApprovalReader.read(build);
        return image.map(i -> new BuildStage(dockerfile, context, args, i, tags, timeout, retry, approval));
    }

    private static Optional<String> workspacePath(Node node, String path, Problems problems) {
        return Values.string(node, path, problems).filter(value -> {
            Optional<String> escape = Formats.escapesWorkspace(value);
            escape.ifPresent(why -> problems.error(node, path, "path-escapes-workspace",
                    "\"" + value + "\" " + why, "use a path relative to the repository's root, such as ."));
            return escape.isEmpty();
        });
    }

    /** Tags may only use the variables a build knows, and otherwise only characters a tag may hold. */
    private static Optional<String> tag(Node node, String path, Problems problems) {
        return Values.string(node, path, problems).filter(tag -> {
            boolean valid = true;
            for (String variable : TagTemplate.variables(tag)) {
                if (!TagTemplate.VARIABLES.contains(variable)) {
                    valid = false;
                    String hint = Suggestions.nearest(variable, TagTemplate.VARIABLES)
                            .map(v -> "did you mean ${" + v + "}?")
                            .orElse("use one of ${COMMIT_SHA}, ${SHORT_SHA}, ${BRANCH}, ${TAG}, ${BUILD_ID}");
                    problems.error(node, path, "unknown-variable", "unknown variable ${" + variable + "} in tag \""
                            + tag + "\"", hint);
                }
            }
            String literal = TagTemplate.literalPart(tag);
            if (valid && (tag.isEmpty() || !literal.matches("[A-Za-z0-9_.-]*"))) {
                valid = false;
                problems.error(node, path, "invalid-tag", "\"" + tag + "\" is not a valid image tag",
                        "tags use letters, digits, '_', '.' and '-' and ${VARIABLES}, e.g. v1.2-${SHORT_SHA}");
            }
            return valid;
        });
    }
}
