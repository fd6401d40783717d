package dev.slipway.runtime.run;

import dev.slipway.core.scm.EventKind;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;

/**
 * What {@code slipway run} builds: a commit in a repository the stage containers can clone.
 *
 * <p>A git URL is built as it is (its ref resolved by the build's checkout). A directory that is
 * the top of its own git repository is built at its HEAD. Any other directory (a sub-directory of a
 * larger clone such as {@code examples/hello-java}, or no repository at all) is copied into a
 * temporary git repository with one commit, because a build always clones a real commit.
 *
 * @param cloneUrl what the build clones ({@code file:} URLs are mounted into stage containers)
 * @param commit the commit to build, or null for a remote URL (the ref decides)
 * @param name the repository name shown and recorded, e.g. {@code local/hello-java}
 * @param snapshot whether the directory was copied into a temporary repository
 */
public record RunSource(String cloneUrl, String commit, String name, boolean snapshot) {

    /** Resolves REPO (a path, relative to the working directory, or a URL); snapshots go under {@code scratch}. */
    public static RunSource resolve(String repo, Path workingDirectory, Path scratch) {
        if (repo.contains("://") || repo.startsWith("git@")) {
            String last = repo.replaceAll("(\\.git)?/*$", "");
            return new RunSource(repo, null, "remote/" + last.substring(last.lastIndexOf('/') + 1), false);
        }
        Path dir = workingDirectory.resolve(repo).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(repo + " is not a directory (" + dir + "): give the path of a"
                    + " repository with a .slipway.yml, or a git URL");
        }
        if (!Files.isRegularFile(dir.resolve(".slipway.yml"))) {
            throw new IllegalArgumentException(dir + " has no .slipway.yml: run slipway run in (or point it at)"
                    + " the directory that holds the pipeline file");
        }
        String name = "local/" + dir.getFileName();
        if (Files.exists(dir.resolve(".git"))) {
            return new RunSource(dir.toUri().toString(), head(dir), name, false);
        }
        return new RunSource(snapshot(dir, scratch.resolve("source")).toUri().toString(),
                head(scratch.resolve("source")), name, true);
    }

    /**
     * The source at {@code ref}: a repository directory is built at the commit its branch (or, for
     * a tag event, its tag) {@code ref} names, not at whatever is checked out; a snapshot or a URL
     * keeps its commit (the ref only names the branch or tag the build is for).
     */
    public RunSource at(String ref, EventKind event) {
        if (snapshot || commit == null) {
            return this;
        }
        Path dir = Path.of(URI.create(cloneUrl));
        String full = (event == EventKind.TAG ? Constants.R_TAGS : Constants.R_HEADS) + ref;
        try (Git git = Git.open(dir.toFile())) {
            ObjectId at = git.getRepository().resolve(full + "^{commit}");
            if (at == null) {
                throw new IllegalArgumentException(dir + " has no " + (event == EventKind.TAG ? "tag " : "branch ") + ref
                        + " (" + full + "); name one of its " + (event == EventKind.TAG ? "tags" : "branches") + " with --ref");
            }
            return new RunSource(cloneUrl, at.name(), name, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + full + " in " + dir, e);
        }
    }

    /** The branch a build without --ref is for: the repository directory's checked-out branch, else main. */
    public String branch() {
        if (snapshot || commit == null) {
            return "main";
        }
        try (Git git = Git.open(Path.of(URI.create(cloneUrl)).toFile())) {
            String full = git.getRepository().getFullBranch();
            return full != null && full.startsWith(Constants.R_HEADS) ? full.substring(Constants.R_HEADS.length()) : "main";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checked-out branch of " + cloneUrl, e);
        }
    }

    /** Copies the directory (without .git) into a fresh repository and commits everything git would add. */
    static Path snapshot(Path dir, Path target) {
        try {
            copy(dir, target);
            try (Git git = Git.init().setDirectory(target.toFile()).setInitialBranch("main").call()) {
                git.add().addFilepattern(".").call();
                git.commit().setMessage("slipway run: snapshot of " + dir)
                        .setAuthor("slipway run", "run@slipway.local").setCommitter("slipway run", "run@slipway.local")
                        .setSign(false).call();
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + dir + " into a temporary repository at " + target, e);
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot commit the snapshot of " + dir + " in " + target + ": " + e.getMessage(), e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                if (d.getFileName().toString().equals(".git")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Files.copy(f, to.resolve(from.relativize(f).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static String head(Path repo) {
        try (Git git = Git.open(repo.toFile())) {
            ObjectId head = git.getRepository().resolve("HEAD");
            if (head == null) {
                throw new IllegalArgumentException(repo + " is a git repository without commits: commit once, or"
                        + " remove its .git so slipway run snapshots the directory");
            }
            return head.name();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read HEAD of " + repo, e);
        }
    }

    /** One line for the output: where the build comes from. */
    public void describe(PrintStream out, String directory) {
        if (snapshot) {
            out.println("Building a snapshot of " + directory + " (not the top of a git repository: copied into a"
                    + " temporary repository as commit " + commit.substring(0, 12) + ")");
        } else {
            out.println("Building " + cloneUrl + (commit == null ? "" : " at " + commit.substring(0, 12)));
        }
    }
}
