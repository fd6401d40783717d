package dev.slipway.core.lint;

import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** Docker image references, checked with the grammar of the distribution reference library. */
final class ImageRefs {

    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String DOMAIN = "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?"
            + "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)";
    private static final String REPOSITORY = DOMAIN + "?" + COMPONENT + "(?:/" + COMPONENT + ")*";
    private static final Pattern REPOSITORY_ONLY = Pattern.compile(REPOSITORY);
    private static final Pattern WITH_TAG = Pattern.compile(
            REPOSITORY + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?");

    private ImageRefs() {
    }

    /** An image to run, tag and digest optional: {@code slipway/jre:17}. */
    static Optional<String> imageWithTag(Node node, String path, Problems problems) {
        return Values.string(node, path, problems).filter(image -> {
            if (WITH_TAG.matcher(image).matches()) {
                return true;
            }
            problems.error(node, path, "invalid-image", "\"" + image + "\" is not a valid image reference",
                    "write [registry/]repository[:tag] in lowercase, e.g. slipway/jre:17");
            return false;
        });
    }

    /** The repository a build pushes to: no tag, since tags are listed under {@code tags}. */
    static Optional<String> repository(Node node, String path, Problems problems) {
        return Values.string(node, path, problems).filter(image -> {
            if (REPOSITORY_ONLY.matcher(image).matches()) {
                return true;
            }
            boolean tagged = WITH_TAG.matcher(image).matches();
            problems.error(node, path, "invalid-image", tagged
                            ? "\"" + image + "\" includes a tag, but the build's `image` is a repository"
                            : "\"" + image + "\" is not a valid image repository",
                    tagged ? "remove the tag here and list it under `tags:`"
                            : "write [registry/]repository in lowercase, e.g. localhost:5000/acme/api");
            return false;
        });
    }
}
