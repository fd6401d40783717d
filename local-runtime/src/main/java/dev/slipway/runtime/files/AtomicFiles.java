package dev.slipway.runtime.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Files that survive a kill -9 whole or not at all. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Writes {@code text} to a temporary file beside {@code target}, forces it to disk and moves it in
     * place: a reader (or a restart) sees the old content or the new, never half of it. {@code what}
     * names the file in the error ("the task definition").
     */
    public static void write(Path target, String text, String what) {
        try {
            Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + what + " " + target + ": " + e.getMessage(), e);
        }
    }

    /** Creates {@code directory} (and its parents) if needed. */
    public static Path directory(Path directory, String what) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + what + " " + directory + ": " + e.getMessage(), e);
        }
    }
}
