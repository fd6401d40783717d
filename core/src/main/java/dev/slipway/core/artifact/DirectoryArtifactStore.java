package dev.slipway.core.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An {@link ArtifactStore} in a directory: {@code <root>/<buildId>/<name>}. Used by the embedded
 * runtime and, mounted into the task, by the builder CLI.
 */
public final class DirectoryArtifactStore implements ArtifactStore {

    private final Path root;

    public DirectoryArtifactStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public void put(String buildId, String name, InputStream content) throws IOException {
        ArtifactKeys.check(buildId, name);
        Path target = root.resolve(buildId).resolve(name);
        Files.createDirectories(target.getParent());
        // Write beside the target, then rename: readers never see half a file.
        Path temp = Files.createTempFile(target.getParent(), ".put-", ".tmp");
        try {
            Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Optional<InputStream> open(String buildId, String name) throws IOException {
        ArtifactKeys.check(buildId, name);
        try {
            return Optional.of(Files.newInputStream(root.resolve(buildId).resolve(name)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> list(String buildId) throws IOException {
        ArtifactKeys.checkBuildId(buildId);
        Path dir = root.resolve(buildId);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(".put-"))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    @Override
    public void delete(String buildId) throws IOException {
        ArtifactKeys.checkBuildId(buildId);
        Path dir = root.resolve(buildId);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public String toString() {
        return "DirectoryArtifactStore[" + root + "]";
    }
}
