package dev.slipway.runtime.cli;

import java.util.List;

/**
 * One {@code slipway} subcommand. Implementations write only to the given {@link Console} and
 * return an exit code instead of exiting, so that they can be tested in-process.
 */
public interface Command {

    /** Exit code for success. */
    int OK = 0;
    /** Exit code when the command ran and found a problem (lint errors, a failed build). */
    int FAILED = 1;
    /** Exit code for a usage error or an input that could not be read. */
    int USAGE = 2;

    /** The word after {@code slipway}, e.g. {@code lint}. */
    String name();

    /** One line for the command list of {@code slipway --help}. */
    String summary();

    /** The usage text of {@code slipway NAME --help}. */
    String usage();

    int run(List<String> args, Console console);
}
