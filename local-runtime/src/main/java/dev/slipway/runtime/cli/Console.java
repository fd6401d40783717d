package dev.slipway.runtime.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Where a command writes and the directory it runs in.
 *
 * @param workingDirectory what relative paths on the command line are resolved against
 */
public record Console(PrintStream out, PrintStream err, Path workingDirectory) {

    public static Console system() {
        return new Console(System.out, System.err, Path.of("").toAbsolutePath());
    }
}
