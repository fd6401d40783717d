package dev.slipway.builder.outputs;

import dev.slipway.builder.BuilderFailedException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Tar with file modes kept (an executable script stays executable in the next stage). */
final class TarArchives {

    private TarArchives() {
    }

    static int pack(Path root, List<String> paths, Path archive) throws IOException {
        int count = 0;
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(archive));
                TarArchiveOutputStream tar = new TarArchiveOutputStream(file)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (String path : paths) {
                try (Stream<Path> files = Files.walk(root.resolve(path).normalize())) {
                    for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                        TarArchiveEntry entry = new TarArchiveEntry(p.toFile(), root.relativize(p).toString().replace('\\', '/'));
                        entry.setMode(Files.isExecutable(p) ? 0755 : 0644);
                        tar.putArchiveEntry(entry);
                        Files.copy(p, tar);
                        tar.closeArchiveEntry();
                        count++;
                    }
                }
            }
        }
        return count;
    }

    static int unpack(InputStream in, Path root) throws IOException, BuilderFailedException {
        int count = 0;
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            Path target = root.resolve(entry.getName()).normalize();
            if (!target.startsWith(root)) {
                throw new BuilderFailedException("outputs archive entry " + entry.getName() + " points outside the workspace; "
                        + "the archive is damaged or was not written by slipway-builder");
            }
            if (entry.isDirectory()) {
                Files.createDirectories(target);
                continue;
            }
            Files.createDirectories(target.getParent());
            Files.copy(tar, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            if ((entry.getMode() & 0100) != 0) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(target);
                perms.add(PosixFilePermission.OWNER_EXECUTE);
                perms.add(PosixFilePermission.GROUP_EXECUTE);
                perms.add(PosixFilePermission.OTHERS_EXECUTE);
                Files.setPosixFilePermissions(target, perms);
            }
            count++;
        }
        return count;
    }
}
