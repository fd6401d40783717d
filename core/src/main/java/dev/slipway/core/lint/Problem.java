package dev.slipway.core.lint;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with a pipeline file.
 *
 * @param file     the file name given to the loader, e.g. {@code .slipway.yml}
 * @param line     1-based line
 * @param column   1-based column
 * @param path     dotted key path such as {@code deploy.production.approval.approvers} or
 *                 {@code integration.services[0].name}; empty for the whole document
 * @param code     a short kebab-case word naming the kind of problem, e.g. {@code unknown-key}
 * @param message  what is wrong
 * @param hint     how to fix it
 */
public record Problem(
        String file, int line, int column, String path, String code, Severity severity, String message, String hint) {

    /** Position first, so that problems read top to bottom like the file. */
    public static final Comparator<Problem> BY_POSITION = Comparator.comparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::path)
            .thenComparing(Problem::code);

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based, got " + line + ":" + column);
        }
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col: error[code]: message}, the first line of the CLI's output for it. */
    public String headline() {
        return file + ":" + line + ":" + column + ": " + severity.label() + "[" + code + "]: " + message;
    }
}
