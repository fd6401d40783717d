package dev.slipway.bench.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** A local git repository standing in for {@code acme/api}, with one commit on a branch. */
final class BenchRepository {

    private BenchRepository() {
    }

    /** A repository whose only file is this pipeline; returns the commit. */
    static String withPipeline(Path dir, String pipeline, String branch) throws IOException, GitAPIException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(".slipway.yml"), pipeline);
        return commitAll(dir, branch);
    }

    /** A copy of an example directory, committed unchanged; returns the commit. */
    static String copyOf(Path example, Path dir, String branch) throws IOException, GitAPIException {
        try (Stream<Path> files = Files.walk(example)) {
            files.forEach(source -> {
                Path target = dir.resolve(example.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return commitAll(dir, branch);
    }

    private static String commitAll(Path dir, String branch) throws GitAPIException {
        try (Git git = Git.init().setInitialBranch(branch).setDirectory(dir.toFile()).call()) {
            git.add().addFilepattern(".").call();
            PersonIdent me = new PersonIdent("Slipway Bench", "bench@slipway.dev");
            return git.commit().setMessage("bench").setAuthor(me).setCommitter(me).setSign(false).call().getName();
        }
    }
}
