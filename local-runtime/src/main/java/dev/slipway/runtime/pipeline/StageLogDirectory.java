package dev.slipway.runtime.pipeline;

import dev.slipway.core.task.LogSink;
import dev.slipway.core.task.StageLogs;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Stage logs on one machine, in place of CloudWatch Logs: one file per task,
 * {@code <root>/<build>/<stage>/<task id>.log}, a line per output line ({@code [container] text}),
 * written while the task runs (each line flushed, so a person can {@code tail -f} it).
 */
public final class StageLogDirectory implements StageLogs {

    private final Path root;
    private final Map<Path, BufferedWriter> open = new ConcurrentHashMap<>();

    public StageLogDirectory(Path root) {
        this.root = root;
    }

    /** The sink a task's runner writes to; {@link #finish} closes it. */
    public LogSink sink(String buildId, String stage, String taskArn) {
        Path file = file(buildId, stage, taskArn);
        BufferedWriter writer;
        try {
            Files.createDirectories(file.getParent());
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the stage log " + file + "; check that the directory is writable", e);
        }
        open.put(file, writer);
        return line -> {
            try {
                writer.write("[" + line.container() + "] " + line.text());
                writer.newLine();
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    public void finish(String buildId, String stage, String taskArn) {
        BufferedWriter writer = open.remove(file(buildId, stage, taskArn));
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public List<String> lastLines(String buildId, String stage, String taskArn, int max) {
        Optional<Path> file = existing(buildId, stage, taskArn);
        if (file.isEmpty()) {
            return List.of();
        }
        Deque<String> last = new ArrayDeque<>();
        try (Stream<String> lines = Files.lines(file.get(), StandardCharsets.UTF_8)) {
            lines.forEach(l -> {
                last.addLast(l);
                if (last.size() > max) {
                    last.removeFirst();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stage log " + file.get(), e);
        }
        return List.copyOf(last);
    }

    @Override
    public Optional<String> pointer(String buildId, String stage, String taskArn) {
        return existing(buildId, stage, taskArn).map(Path::toString);
    }

    /** The task's file, or without a task ARN (a task that never started) none. */
    private Optional<Path> existing(String buildId, String stage, String taskArn) {
        if (taskArn == null || taskArn.isBlank()) {
            return Optional.empty();
        }
        Path file = file(buildId, stage, taskArn);
        return Files.exists(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * Keeps the digest the runner read from the unmasked output: the log file is masked, and a
     * secret value that happens to occur in the marker line (a registry user named {@code slipway})
     * would hide the digest there.
     */
    public void recordDigest(String buildId, String stage, String taskArn, String digest) {
        Path file = digestFile(buildId, stage, taskArn);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, digest, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the image digest in " + file + "; check that the directory is writable", e);
        }
    }

    @Override
    public Optional<String> digest(String buildId, String stage, String taskArn) {
        Path file = digestFile(buildId, stage, taskArn);
        try {
            if (Files.isRegularFile(file)) {
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recorded image digest " + file, e);
        }
        return StageLogs.super.digest(buildId, stage, taskArn);
    }

    private Path digestFile(String buildId, String stage, String taskArn) {
        Path log = file(buildId, stage, taskArn);
        return log.resolveSibling(log.getFileName().toString().replace(".log", ".digest"));
    }

    private Path file(String buildId, String stage, String taskArn) {
        String task = taskArn.substring(taskArn.lastIndexOf('/') + 1);
        return root.resolve(safe(buildId)).resolve(safe(stage)).resolve(safe(task) + ".log");
    }

    private static String safe(String part) {
        return part.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
