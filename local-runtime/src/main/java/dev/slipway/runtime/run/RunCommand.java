package dev.slipway.runtime.run;

import dev.slipway.runtime.cli.Command;
import dev.slipway.runtime.cli.Console;
import java.util.List;
import java.util.Map;

/**
 * {@code slipway run [REPO] [--ref REF] [--event push|tag|pull_request] [--quiet] [--approve]}: runs
 * a repository's pipeline once on this machine ({@link LocalRun}) and exits 0 when it succeeded.
 */
public final class RunCommand implements Command {

    private final Map<String, String> env;
    private final TerminalApprover approver;
    private final boolean ownsProcess;

    /** As the CLI runs it: the process is this command's, so its libraries' logs are turned down. */
    public RunCommand() {
        this(System.getenv(), TerminalApprover.system(), true);
    }

    /** @param approver who answers approvals without --approve (tests: a fixed answer, or no terminal) */
    public RunCommand(Map<String, String> env, TerminalApprover approver) {
        this(env, approver, false);
    }

    private RunCommand(Map<String, String> env, TerminalApprover approver, boolean ownsProcess) {
        this.env = env;
        this.approver = approver;
        this.ownsProcess = ownsProcess;
    }

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "run a repository's pipeline once, here, with the stages in Docker";
    }

    @Override
    public String usage() {
        return """
                usage: slipway run [REPO] [--ref REF] [--event push|tag|pull_request] [--quiet] [--approve] [--data DIR]

                Runs REPO's .slipway.yml once through Slipway's pipeline state machine on this machine,
                with every stage as a local Docker container, and prints each stage, its log lines and a
                summary. Exit code 0 when the build succeeded, 1 when it did not. Ctrl-C cancels it: the
                build ends CANCELLED, its containers, networks and volumes are removed, and the exit code
                is 130.

                  REPO           a directory (default: the current one) or a git URL; a directory that is
                                 not the top of a git repository is built from a one-commit snapshot
                  --ref REF      the branch (push, pull_request) or tag (tag) to build; in a repository
                                 directory its commit is built (default: the checked-out branch, or main)
                  --event E      push (default), tag or pull_request; the pipeline's on: triggers and
                                 flows apply as for a webhook (a pull request is never deployed)
                  --quiet        print only stage starts/ends, and the last lines of a failing stage
                  --approve      approve every approval request; otherwise you are asked at the terminal,
                                 and without a terminal approvals are rejected
                  --data DIR     keep the run's records there (default: a temporary directory)
                """;
    }

    @Override
    public int run(List<String> args, Console console) {
        RunOptions options;
        try {
            options = RunOptions.parse(args);
        } catch (IllegalArgumentException e) {
            console.err().println("slipway run: " + e.getMessage());
            return USAGE;
        }
        if (ownsProcess) {
            quietLibraryLogs();
        }
        return new LocalRun(options, env, approver, console).run();
    }

    /**
     * A person watching a build wants its stages and log lines, not the embedded services' start-up
     * chatter (Jetty, ElasticMQ, the SDK): those log at WARN and above unless configured otherwise.
     * Must run before the first logger is made.
     */
    private static void quietLibraryLogs() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        if (System.getProperty("java.util.logging.config.file") == null) {
            java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        }
    }
}
