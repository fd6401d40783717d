package dev.slipway.runtime.logs;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.secret.SecretMasker;
import dev.slipway.core.task.LogLine;
import dev.slipway.core.task.LogSink;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build logs on disk (the embedded stand-in for CloudWatch Logs and the S3 log archive):
 * {@code <root>/<build id>/<stage>.log}, one line per output line, appended as the stage runs.
 * Stage names are URL-encoded in file names ({@code deploy:staging} → {@code deploy%3Astaging.log}).
 *
 * <p>Lines are masked on the way in with the runtime's own secrets (tokens from the configuration);
 * runners have already masked the pipeline's secrets. Readers see only complete lines, so a line
 * being written is never shown half.
 */
public final class BuildLogs {

    private static final String SUFFIX = ".log";

    private final Path root;
    private final SecretMasker masker;

    public BuildLogs(Path root, SecretMasker masker) {
        this.root = root;
        this.masker = masker;
    }

    /** New complete lines from {@code offset} on, and the offset to read from next. */
    public record Chunk(List<String> lines, long nextOffset) {
    }

    public Path file(BuildId build, String stage) {
        return root.resolve(build.value()).resolve(URLEncoder.encode(stage, StandardCharsets.UTF_8) + SUFFIX);
    }

    /** A sink writing the stage's lines to its file; one sink per stage task, as {@link LogSink} requires. */
    public LogSink sink(BuildId build, String stage) {
        Path file = file(build, stage);
        return line -> append(file, line);
    }

    /** Appends one line of text (a runner's line, or a note such as "retrying") to a stage's log. */
    public void append(BuildId build, String stage, String text) {
        write(file(build, stage), text);
    }

    private void append(Path file, LogLine line) {
        write(file, "[" + line.container() + "] " + line.text());
    }

    private synchronized void write(Path file, String text) {
        String masked = masker.mask(text.replace("\r", "").replace("\n", " ")) + "\n";
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, masked, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the build log " + file, e);
        }
    }

    /** The stages that have a log, in the order their files were created (by name when equal). */
    public List<String> stages(BuildId build) {
        Path dir = root.resolve(build.value());
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted()
                    .map(f -> f.getFileName().toString())
                    .map(n -> URLDecoder.decode(n.substring(0, n.length() - SUFFIX.length()), StandardCharsets.UTF_8))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the logs of build " + build + " in " + dir, e);
        }
    }

    /** Complete lines of the stage's log from byte {@code offset}; masked again, in case the masker learned more. */
    public Chunk read(BuildId build, String stage, long offset) {
        Path file = file(build, stage);
        if (!Files.exists(file)) {
            return new Chunk(List.of(), offset);
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length <= offset) {
                return new Chunk(List.of(), offset);
            }
            byte[] bytes = new byte[(int) Math.min(length - offset, 1 << 20)];
            in.seek(offset);
            in.readFully(bytes);
            int end = lastNewline(bytes);
            if (end < 0) {
                return new Chunk(List.of(), offset);
            }
            String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>();
            text.lines().forEach(l -> lines.add(masker.mask(l)));
            return new Chunk(lines, offset + end + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the build log " + file, e);
        }
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
