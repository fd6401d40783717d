package dev.slipway.core.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Collects the problems of one file while it is read; positions come from snakeyaml marks. Also
 * keeps the {@code ${NAME}} references met in values, which can only be checked once the whole
 * file (its {@code secrets} and {@code env}) has been read.
 */
final class Problems {

    private record Reference(Node node, String path, String name) {
    }

    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void error(Node at, String path, String code, String message, String hint) {
        add(at.getStartMark(), path, code, Severity.ERROR, message, hint);
    }

    void warning(Node at, String path, String code, String message, String hint) {
        add(at.getStartMark(), path, code, Severity.WARNING, message, hint);
    }

    /**
     * An error at character {@code offset} of a scalar's value, when the file spells the value
     * literally (plain or quoted on one line, no escapes); otherwise at the scalar's start.
     */
    void errorInside(ScalarNode scalar, int offset, String path, String code, String message, String hint) {
        Mark start = scalar.getStartMark();
        String value = scalar.getValue();
        boolean oneLine = start.getLine() == scalar.getEndMark().getLine();
        int quote = switch (scalar.getScalarStyle()) {
            case PLAIN -> 0;
            case DOUBLE_QUOTED -> value.contains("\\") || value.contains("\"") ? -1 : 1;
            case SINGLE_QUOTED -> value.contains("'") ? -1 : 1;
            default -> -1;
        };
        if (!oneLine || quote < 0 || offset < 0 || offset > value.length()) {
            error(scalar, path, code, message, hint);
            return;
        }
        addAt(start.getLine() + 1, start.getColumn() + 1 + quote + offset, path, code, Severity.ERROR, message, hint);
    }

    /** snakeyaml marks are 0-based; problems are 1-based like editors. A missing mark means 1:1. */
    void add(Mark mark, String path, String code, Severity severity, String message, String hint) {
        int line = mark == null ? 1 : mark.getLine() + 1;
        int column = mark == null ? 1 : mark.getColumn() + 1;
        addAt(line, column, path, code, severity, message, hint);
    }

    void addAt(int line, int column, String path, String code, Severity severity, String message, String hint) {
        problems.add(new Problem(file, line, column, path, code, severity, message, hint));
    }

    void referenced(Node node, String path, String name) {
        references.add(new Reference(node, path, name));
    }

    /** Reports every reference to a name outside {@code known}. */
    void checkReferences(Set<String> known) {
        for (Reference ref : references) {
            if (!known.contains(ref.name())) {
                error(ref.node(), ref.path(), "unknown-variable", "${" + ref.name() + "} is not a secret listed"
                        + " under `secrets`, a top-level `env` value or a build variable",
                        "add " + ref.name() + " to `secrets:` if it is a secret, or use one of ${COMMIT_SHA},"
                                + " ${SHORT_SHA}, ${BRANCH}, ${TAG}, ${BUILD_ID}");
            }
        }
    }

    boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    List<Problem> all() {
        return List.copyOf(problems);
    }

    /** {@code parent.key}, or {@code key} at the top. */
    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }

    /** How a path is named in messages: the top level has no path. */
    static String where(String path) {
        return path.isEmpty() ? "the top level" : "`" + path + "`";
    }
}
