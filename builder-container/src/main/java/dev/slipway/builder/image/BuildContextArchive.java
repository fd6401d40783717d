package dev.slipway.builder.image;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** The build context as the tar the Engine API takes, filtered by {@link DockerIgnore}. */
final class BuildContextArchive {

    private BuildContextArchive() {
    }

    /** Writes the archive; returns how many files it holds. */
    static int write(Path context, Path dockerfile, Path archive) throws IOException {
        Path root = context.toRealPath();
        DockerIgnore ignore = DockerIgnore.of(root);
        String dockerfileName = relative(root, dockerfile.toAbsolutePath().normalize());
        int count = 0;
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(archive));
                TarArchiveOutputStream tar = new TarArchiveOutputStream(file);
                Stream<Path> files = Files.walk(root)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = relative(root, p);
                boolean always = name.equals(dockerfileName) || name.equals(".dockerignore");
                if (!always && ignore.excludes(name)) {
                    continue;
                }
                TarArchiveEntry entry = new TarArchiveEntry(p.toFile(), name);
                entry.setMode(Files.isExecutable(p) ? 0755 : 0644);
                tar.putArchiveEntry(entry);
                Files.copy(p, tar);
                tar.closeArchiveEntry();
                count++;
            }
        }
        return count;
    }

    static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }
}
