package dev.slipway.core.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${NAME}} references in {@code env} values, {@code build.args} and tags. The linter
 * guarantees that every name is a build variable, a listed secret or a top-level env value, so a
 * runner can substitute them with {@link #substitute} just before starting a container.
 */
public final class Variables {

    /** What every build knows about itself; a tag may use only these. */
    public static final Set<String> BUILD = Set.of("COMMIT_SHA", "SHORT_SHA", "BRANCH", "TAG", "BUILD_ID");

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");

    private Variables() {
    }

    /** The names inside {@code ${...}}, in the order they appear. */
    public static List<String> names(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** {@code text} with every {@code ${NAME}} replaced by its value; a name without one becomes "". */
    public static String substitute(String text, Map<String, String> values) {
        return REFERENCE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
    }

    /** {@code text} without its references: the characters written literally. */
    public static String literalPart(String text) {
        return REFERENCE.matcher(text).replaceAll("");
    }
}
