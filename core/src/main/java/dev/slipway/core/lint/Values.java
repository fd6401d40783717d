package dev.slipway.core.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed reads of single nodes. Each returns empty after reporting a {@code wrong-type} problem, so
 * callers simply skip what could not be read and go on collecting problems.
 */
final class Values {

    private static final Set<Tag> TEXT_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.TIMESTAMP);
    private static final Set<String> TRUE_WORDS = Set.of("true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON");

    private static final String EMPTY_HINT =
            "give it a value; a value starting with '#' must be quoted, or YAML reads it as a comment";

    private Values() {
    }

    /** A string. A number or boolean is refused here: the schema says string, and quoting is cheap. */
    static Optional<String> string(Node node, String path, Problems problems) {
        if (node instanceof ScalarNode scalar && (scalar.getTag() == Tag.STR || isCustomTag(scalar))) {
            return Optional.of(scalar.getValue());
        }
        String quoted = node instanceof ScalarNode s ? "\"" + s.getValue() + "\"" : "";
        wrongType(node, path, problems, "a string", hintFor(node, quoted));
        return Optional.empty();
    }

    /** For a scalar of another type: write it as {@code example}; for an empty one: why it may be empty. */
    private static String hintFor(Node node, String example) {
        if (isNull(node)) {
            return EMPTY_HINT;
        }
        return node instanceof ScalarNode ? "quote it: " + example : null;
    }

    /** Text from any non-null scalar: env values and command words may be numbers or booleans. */
    static Optional<String> text(Node node, String path, Problems problems) {
        if (node instanceof ScalarNode scalar && (TEXT_TAGS.contains(scalar.getTag()) || isCustomTag(scalar))) {
            return Optional.of(scalar.getValue());
        }
        wrongType(node, path, problems, "a string, number or boolean", null);
        return Optional.empty();
    }

    static Optional<Long> integer(Node node, String path, Problems problems) {
        if (node instanceof ScalarNode scalar && scalar.getTag() == Tag.INT
                && scalar.getValue().matches("[-+]?[0-9]{1,18}")) {
            return Optional.of(Long.parseLong(scalar.getValue()));
        }
        wrongType(node, path, problems, "a whole number", null);
        return Optional.empty();
    }

    static Optional<Double> number(Node node, String path, Problems problems) {
        if (node instanceof ScalarNode scalar && (scalar.getTag() == Tag.INT || scalar.getTag() == Tag.FLOAT)) {
            try {
                return Optional.of(Double.parseDouble(scalar.getValue().replace("_", "")));
            } catch (NumberFormatException e) {
                // YAML 1.1 forms such as 0x1F or 1:30 resolve to numbers but are not plain decimals.
            }
        }
        wrongType(node, path, problems, "a number", null);
        return Optional.empty();
    }

    static Optional<Boolean> bool(Node node, String path, Problems problems) {
        if (node instanceof ScalarNode scalar && scalar.getTag() == Tag.BOOL) {
            return Optional.of(TRUE_WORDS.contains(scalar.getValue()));
        }
        wrongType(node, path, problems, "true or false", null);
        return Optional.empty();
    }

    static Optional<List<Node>> list(Node node, String path, Problems problems) {
        if (node instanceof SequenceNode sequence) {
            return Optional.of(sequence.getValue());
        }
        String hint = node instanceof ScalarNode s && s.getTag() != Tag.NULL
                ? "write a list, e.g. [" + s.getValue() + "]" : null;
        wrongType(node, path, problems, "a list", hint);
        return Optional.empty();
    }

    /** A list of strings; items of the wrong type are reported and left out. */
    static Optional<List<String>> strings(Node node, String path, Problems problems) {
        return list(node, path, problems).map(items -> {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                string(items.get(i), Problems.index(path, i), problems).ifPresent(values::add);
            }
            return values;
        });
    }

    /** A list of words (commands): numbers and booleans are kept as written. */
    static Optional<List<String>> words(Node node, String path, Problems problems) {
        return list(node, path, problems).map(items -> {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                text(items.get(i), Problems.index(path, i), problems).ifPresent(values::add);
            }
            return values;
        });
    }

    static void wrongType(Node node, String path, Problems problems, String expected, String hint) {
        String fix = hint != null ? hint : isNull(node) ? EMPTY_HINT : "write " + expected + " here";
        problems.error(node, path, "wrong-type", Problems.where(path) + " must be " + expected
                + ", but it is " + describe(node), fix);
    }

    /** How a node reads to a person: "a list", "the number 3", "nothing". */
    static String describe(Node node) {
        return switch (node.getNodeId()) {
            case mapping -> "a mapping";
            case sequence -> "a list";
            default -> describeScalar((ScalarNode) node);
        };
    }

    private static String describeScalar(ScalarNode scalar) {
        Tag tag = scalar.getTag();
        if (tag == Tag.NULL) {
            return "empty";
        }
        if (tag == Tag.INT || tag == Tag.FLOAT) {
            return "the number " + scalar.getValue();
        }
        if (tag == Tag.BOOL) {
            return "the boolean " + scalar.getValue();
        }
        if (tag == Tag.TIMESTAMP) {
            return "the date " + scalar.getValue();
        }
        String value = scalar.getValue();
        return "the string \"" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "\"";
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag() == Tag.NULL;
    }

    private static boolean isCustomTag(ScalarNode scalar) {
        // Already reported as unsupported-tag by TreeCheck: read the text to avoid a second problem.
        return !TreeCheck.STANDARD_TAGS.contains(scalar.getTag());
    }
}
