package dev.slipway.runtime.logs;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.secret.SecretMasker;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads build logs for pages: the files {@link dev.slipway.runtime.pipeline.StageLogDirectory}
 * writes while stage tasks run, {@code <root>/<build>/<stage>/<task>.log}. Each file is a stream,
 * named {@code <stage>/<task>.log}; a retried stage has one stream per attempt.
 *
 * <p>Lines are masked on the way out with the runtime's own secrets (tokens from the
 * configuration); runners have already masked the pipeline's secrets. Readers see only complete
 * lines, so a line being written is never shown half.
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

    /** The stage a stream belongs to (as StageLogDirectory names its directory). */
    public static String stageOf(String stream) {
        int slash = stream.indexOf('/');
        return slash < 0 ? stream : stream.substring(0, slash);
    }

    /** The build's log streams, oldest first (by when the file last changed, then by name). */
    public List<String> streams(BuildId build) {
        Path dir = root.resolve(build.value());
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir, 2)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(f))
                    .sorted(Comparator.comparing(BuildLogs::modified).thenComparing(Path::toString))
                    .map(f -> dir.relativize(f).toString().replace('\\', '/'))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the logs of build " + build + " in " + dir, e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Complete lines of a stream from byte {@code offset}, masked. */
    public Chunk read(BuildId build, String stream, long offset) {
        Path file = root.resolve(build.value()).resolve(stream).normalize();
        if (!file.startsWith(root.resolve(build.value())) || !Files.exists(file)) {
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
