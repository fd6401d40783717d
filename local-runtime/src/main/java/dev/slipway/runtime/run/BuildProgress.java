package dev.slipway.runtime.run;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.StageRecord;
import dev.slipway.core.build.StageStatus;
import dev.slipway.runtime.logs.BuildLogs;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a build as a person expects from a build tool, from successive snapshots of its record and
 * its log files: each stage as it starts and as it ends with its duration, the log lines as they
 * arrive ({@code quiet}: only the last lines of a stage that failed), and a summary.
 */
final class BuildProgress {

    static final int TAIL = 20;

    private final BuildLogs logs;
    private final PrintStream out;
    private final boolean quiet;
    private final Map<String, StageStatus> seen = new HashMap<>();
    private final Map<String, Long> offsets = new HashMap<>();
    private final Map<String, Deque<String>> tails = new HashMap<>();

    BuildProgress(BuildLogs logs, PrintStream out, boolean quiet) {
        this.logs = logs;
        this.out = out;
        this.quiet = quiet;
    }

    /** Prints what changed since the last call. */
    void update(BuildRecord build) {
        pumpLogs(build.id());
        for (int i = 0; i < build.stages().size(); i++) {
            StageRecord stage = build.stages().get(i);
            // A stage is known by its place too: an approval and its deploy can share a name.
            StageStatus before = seen.put(i + ":" + stage.name(), stage.status());
            if (before == stage.status()) {
                continue;
            }
            if (before == null || !before.isTerminal() && before != StageStatus.RUNNING) {
                if (stage.status() == StageStatus.RUNNING || stage.status().isTerminal() && stage.startedAt() != null) {
                    out.println("▶ " + stage.name() + " started");
                }
            }
            if (stage.status() == StageStatus.WAITING_APPROVAL) {
                out.println("⏸ " + stage.name() + " waits for approval");
            }
            // A granted approval was announced by whoever granted it (the terminal or --approve).
            if (stage.status().isTerminal() && !grantedApproval(stage)) {
                ended(stage);
            }
        }
        out.flush();
    }

    private void ended(StageRecord stage) {
        boolean failed = stage.status() == StageStatus.FAILED || stage.status() == StageStatus.TIMED_OUT;
        if (failed && quiet) {
            out.println("--- last lines of " + stage.name() + " ---");
            tail(stage).forEach(line -> out.println("  " + line));
        }
        String mark = switch (stage.status()) {
            case SUCCEEDED -> "✔";
            case SKIPPED -> "○";
            default -> "✘";
        };
        out.println(mark + " " + stage.name() + " " + stage.status() + duration(stage)
                + (stage.reason() == null || !failed ? "" : ": " + stage.reason()));
    }

    private void pumpLogs(BuildId id) {
        for (String stream : logs.streams(id)) {
            BuildLogs.Chunk chunk = logs.read(id, stream, offsets.getOrDefault(stream, 0L));
            offsets.put(stream, chunk.nextOffset());
            String stage = BuildLogs.stageOf(stream);
            Deque<String> tail = tails.computeIfAbsent(stage, s -> new ArrayDeque<>());
            for (String line : chunk.lines()) {
                if (!quiet) {
                    out.println("  [" + stage + "] " + line);
                }
                tail.addLast(line);
                if (tail.size() > TAIL) {
                    tail.removeFirst();
                }
            }
        }
    }

    /** The closing lines: each stage with its status and time, and the build's result. */
    void summary(BuildRecord build, Duration took) {
        pumpLogs(build.id());
        out.println();
        out.println("Build " + build.id() + ": " + build.status() + " in " + seconds(took)
                + (build.reason() == null ? "" : " (" + build.reason() + ")"));
        for (StageRecord stage : build.stages()) {
            if (grantedApproval(stage)) {
                out.printf("  %-28s %-16s%n", stage.name() + " approval", "APPROVED");
            } else {
                out.printf("  %-28s %-16s%s%n", stage.name(), stage.status(), duration(stage));
            }
        }
        out.flush();
    }

    /**
     * An approval is recorded as a stage under its deploy's name that never runs: once granted it
     * ends SUCCEEDED without a start, which no stage that ran does.
     */
    private static boolean grantedApproval(StageRecord stage) {
        return stage.status() == StageStatus.SUCCEEDED && stage.startedAt() == null;
    }

    private static String duration(StageRecord stage) {
        if (stage.startedAt() == null || stage.finishedAt() == null) {
            return "";
        }
        return " in " + seconds(Duration.between(stage.startedAt(), stage.finishedAt()));
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    /** The last lines of a stage; its log directory is {@code service.stage} (or the stage alone). */
    private List<String> tail(StageRecord stage) {
        Deque<String> lines = tails.get(stage.service() + "." + stage.name());
        return List.copyOf(lines != null ? lines : tails.getOrDefault(stage.name(), new ArrayDeque<>()));
    }
}
