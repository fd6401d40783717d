package dev.slipway.core.lint;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one file while it is read; positions come from snakeyaml marks. */
final class Problems {

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void error(Node at, String path, String code, String message, String hint) {
        add(at.getStartMark(), path, code, Severity.ERROR, message, hint);
    }

    void warning(Node at, String path, String code, String message, String hint) {
        add(at.getStartMark(), path, code, Severity.WARNING, message, hint);
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
