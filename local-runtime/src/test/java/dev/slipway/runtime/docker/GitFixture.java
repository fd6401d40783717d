package dev.slipway.runtime.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;

/** A git repository made from a fixture directory, as a user's repository would be. */
final class GitFixture {

    private GitFixture() {
    }

    /**
     * Copies {@code source} to {@code target} (modes kept), points the pipeline's pushes at the dev
     * registry, and commits everything on {@code main}.
     */
    static RevCommit commit(Path source, Path target, RegistryCredentials registry) throws IOException, GitAPIException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path from : files.toList()) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path pipeline = target.resolve(".slipway.yml");
        Files.writeString(pipeline, Files.readString(pipeline).replace("REGISTRY/", registry.host() + "/")
                .replace("127.0.0.1:5000/", registry.host() + "/"));
        try (Git git = Git.init().setDirectory(target.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            return git.commit().setMessage("fixture " + source.getFileName()).setAuthor("T", "t@example.com")
                    .setCommitter("T", "t@example.com").setSign(false).call();
        }
    }
}
