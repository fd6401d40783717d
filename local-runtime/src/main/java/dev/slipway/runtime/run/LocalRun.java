package dev.slipway.runtime.run;

import dev.slipway.bot.approval.ApprovalService;
import dev.slipway.builder.docker.DockerClients;
import dev.slipway.core.approval.Approval;
import dev.slipway.core.approval.ApprovalState;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.build.BuildStatus;
import dev.slipway.core.scm.EventKind;
import dev.slipway.core.scm.Provider;
import dev.slipway.core.scm.PullRequest;
import dev.slipway.core.scm.Repository;
import dev.slipway.runtime.cli.Command;
import dev.slipway.runtime.cli.Console;
import dev.slipway.runtime.config.UpConfig;
import dev.slipway.runtime.docker.Reaper;
import dev.slipway.runtime.up.SlipwayUp;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One {@code slipway run}: the {@code slipway up} parts ({@link SlipwayUp}) on a temporary data
 * directory, one build request put on its queue as a webhook would, and the build followed until it
 * ends. Approvals are answered here; Ctrl-C stops the execution (the engine stops the stage
 * containers) and what the build left on Docker is reaped either way.
 */
final class LocalRun {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final String CANCEL_CAUSE = "cancelled with Ctrl-C in slipway run";
    private static final Set<BuildStatus> ENDED = EnumSet.of(BuildStatus.SUCCEEDED, BuildStatus.FAILED,
            BuildStatus.CANCELLED, BuildStatus.ROLLED_BACK);

    private final RunOptions options;
    private final Map<String, String> env;
    private final TerminalApprover approver;
    private final Console console;
    private final PrintStream out;
    private final Set<String> answered = new HashSet<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean cancelling;

    LocalRun(RunOptions options, Map<String, String> env, TerminalApprover approver, Console console) {
        this.options = options;
        this.env = env;
        this.approver = approver;
        this.console = console;
        this.out = console.out();
    }

    int run() {
        Path scratch;
        RunSource source;
        try {
            scratch = Files.createTempDirectory("slipway-run-");
            RunSource resolved = RunSource.resolve(options.repo(), console.workingDirectory(), scratch);
            source = options.ref().map(ref -> resolved.at(ref, options.event())).orElse(resolved);
        } catch (IOException | RuntimeException e) {
            console.err().println("slipway run: " + e.getMessage());
            return Command.USAGE;
        }
        source.describe(out, options.repo());
        Path data = options.data().orElse(scratch.resolve("data"));
        try {
            return build(source, data);
        } finally {
            delete(scratch);
            finished.countDown();
        }
    }

    private int build(RunSource source, Path data) {
        UpConfig config = new UpConfig("127.0.0.1", 0, 0, data, Optional.empty(), Optional.empty(), Optional.empty(),
                null, Map.of(source.name(), source.cloneUrl()));
        // The build's messages (Slack's, on the console without a token) would repeat the progress printed here.
        try (SlipwayUp up = SlipwayUp.start(config, env, console.workingDirectory(), out,
                new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))) {
            BuildRequest request = request(source);
            Thread cancel = new Thread(() -> cancel(up, request.id()), "slipway-run-cancel");
            Runtime.getRuntime().addShutdownHook(cancel);
            try {
                up.queue().enqueue(request);
                out.println("Build " + request.id() + " queued (" + request.event().name().toLowerCase() + " "
                        + Optional.ofNullable(request.branch()).orElse(request.tag()) + "); data in " + data);
                BuildRecord last = follow(up, request.id());
                return last.status() == BuildStatus.SUCCEEDED ? Command.OK : Command.FAILED;
            } finally {
                reap(request.id());
                if (!cancelling) {
                    Runtime.getRuntime().removeShutdownHook(cancel);
                }
            }
        } catch (IOException | RuntimeException e) {
            console.err().println("slipway run: " + e.getMessage());
            return Command.FAILED;
        }
    }

    private BuildRequest request(RunSource source) {
        String ref = options.ref().orElseGet(source::branch);
        BuildId id = BuildId.forDelivery(Provider.CLI, "run-" + Instant.now().toEpochMilli());
        Repository repo = new Repository(source.name(), source.cloneUrl(), null, false);
        String commit = source.commit() != null ? source.commit() : RemoteRefs.resolve(source.cloneUrl(), options.event(), ref);
        EventKind event = options.event();
        return new BuildRequest(id, Provider.CLI, id.value(), event, repo,
                event == EventKind.TAG ? "refs/tags/" + ref : "refs/heads/" + ref, commit,
                event == EventKind.TAG ? null : ref, event == EventKind.TAG ? ref : null,
                event == EventKind.PULL_REQUEST ? new PullRequest(1, ref, source.name(), false, null) : null,
                System.getProperty("user.name", "local"), false, "slipway run", Instant.now());
    }

    /** Follows the build until it ends, printing its progress and answering its approvals. */
    private BuildRecord follow(SlipwayUp up, BuildId id) {
        BuildProgress progress = new BuildProgress(up.logs(), out, options.quiet());
        long started = System.nanoTime();
        while (true) {
            Optional<BuildRecord> build = up.builds().find(id);
            if (build.isPresent()) {
                progress.update(build.get());
                if (ENDED.contains(build.get().status())) {
                    progress.summary(build.get(), Duration.ofNanos(System.nanoTime() - started));
                    return build.get();
                }
                answerApprovals(up, id);
            }
            pause();
        }
    }

    private void answerApprovals(SlipwayUp up, BuildId id) {
        for (Approval approval : up.approvals().forBuild(id)) {
            if (approval.state() != ApprovalState.OPEN || !answered.add(approval.id())) {
                continue;
            }
            String what = approval.stage() + (approval.service() == null ? "" : " of " + approval.service());
            Optional<Boolean> answer = options.approve() ? Optional.of(true) : approver.ask("Approve " + what + "?");
            if (answer.isEmpty()) {
                out.println("✘ " + what + " needs an approval and there is no terminal to ask: rejected."
                        + " Pass --approve to approve automatically.");
            }
            boolean approved = answer.orElse(false);
            String cause = answer.isPresent() ? "Rejected at the terminal of slipway run"
                    : "Rejected by slipway run: no terminal to ask and no --approve";
            out.println((approved ? "✔ approved " : "✘ rejected ") + what + (options.approve() ? " (--approve)" : ""));
            if (approved) {
                up.stepFunctions().sendTaskSuccess(r -> r.taskToken(approval.taskToken())
                        .output("{\"approvalId\":\"" + approval.id() + "\",\"approved\":true}"));
            } else {
                up.stepFunctions().sendTaskFailure(r -> r.taskToken(approval.taskToken())
                        .error(ApprovalService.REJECTED_ERROR).cause(cause));
            }
            up.approvals().modify(approval.id(), a -> a.withState(approved ? ApprovalState.APPROVED : ApprovalState.REJECTED));
        }
    }

    /** Ctrl-C: stop the execution, then wait (while the JVM is stopping) for the build to end and be cleaned up. */
    private void cancel(SlipwayUp up, BuildId id) {
        if (finished.getCount() == 0) {
            return;
        }
        cancelling = true;
        out.println();
        out.println("Cancelling build " + id + " ...");
        try {
            up.builds().find(id).map(BuildRecord::executionArn).ifPresent(arn -> up.stepFunctions()
                    .stopExecution(r -> r.executionArn(arn).error("Slipway.Cancelled").cause(CANCEL_CAUSE)));
            // A stopped execution runs no more states, so nothing else records the end: as /cancel does.
            if (up.builds().find(id).isPresent()) {
                up.builds().modify(id, b -> b.status().isTerminal() ? b
                        : b.withStatus(BuildStatus.CANCELLED, CANCEL_CAUSE, Instant.now()));
            }
            finished.await(60, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            out.println("could not stop the execution cleanly: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stage containers, networks and volumes of this build (deployed services carry another label and stay). */
    private void reap(BuildId id) {
        try {
            Reaper.Sweep swept = new Reaper(DockerClients.fromEnvironment()).reapBuild(id.value());
            out.println("cleaned up Docker: " + swept);
        } catch (RuntimeException e) {
            out.println("warning: could not check Docker for leftovers of " + id + ": " + e.getMessage());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while following the build", e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A temporary directory; what cannot be removed (files a container wrote as root) stays in /tmp.
        }
    }
}
