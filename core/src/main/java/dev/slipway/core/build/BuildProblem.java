package dev.slipway.core.build;

/**
 * A problem recorded on a build, for people: usually an error in {@code .slipway.yml} (with its
 * position), or why the pipeline file could not be read at all (line and column 0).
 *
 * @param file    the file it is in, e.g. {@code .slipway.yml}; null when not about a file
 * @param line    1-based, 0 when unknown
 * @param column  1-based, 0 when unknown
 * @param path    the dotted key path ({@code deploy.production.approval.approvers}), may be empty
 * @param code    a short kebab-case word ({@code unknown-key}, {@code pipeline-missing})
 * @param message what is wrong
 * @param hint    how to fix it, may be empty
 */
public record BuildProblem(String file, int line, int column, String path, String code, String message, String hint) {

    public BuildProblem {
        if (code == null || code.isBlank() || message == null || message.isBlank()) {
            throw new IllegalArgumentException("a build problem needs a code and a message");
        }
        path = path == null ? "" : path;
        hint = hint == null ? "" : hint;
    }

    /** A problem that is not at a position in a file. */
    public static BuildProblem general(String code, String message, String hint) {
        return new BuildProblem(null, 0, 0, "", code, message, hint);
    }

    /** {@code file:line:column: error[code]: message}, as {@code slipway lint} prints it. */
    public String describe() {
        String where = file == null ? "" : file + (line > 0 ? ":" + line + ":" + column : "") + ": ";
        return where + "error[" + code + "]: " + message + (hint.isEmpty() ? "" : " (hint: " + hint + ")");
    }
}
