package dev.slipway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The temporary directories a run works in: repositories, slipway up's data, probe requests. */
public final class WorkDirs {

    private WorkDirs() {
    }

    /** Removes the directory and everything in it; what cannot be removed stays in the system's temp directory. */
    public static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("bench: could not remove " + dir + " (" + e.getMessage() + "); remove it by hand");
        }
    }
}
