package dev.slipway.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.scm.EventKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSourceTest {

    @TempDir
    Path dir;

    @Test
    void aDirectoryInsideALargerCloneIsSnapshotIntoOneCommit() throws Exception {
        Path outer = Files.createDirectories(dir.resolve("clone/examples/app/src"));
        Git.init().setDirectory(dir.resolve("clone").toFile()).call().close();
        Files.writeString(outer.resolve("Main.java"), "class Main {}");
        Files.writeString(outer.resolve("../.slipway.yml"), "version: 1\n");
        Files.writeString(outer.resolve("../.gitignore"), "target/\n");
        Files.createDirectories(outer.resolve("../target"));
        Files.writeString(outer.resolve("../target/out.class"), "built");

        RunSource source = RunSource.resolve("clone/examples/app", dir, dir.resolve("scratch"));

        assertThat(source.snapshot()).isTrue();
        assertThat(source.name()).isEqualTo("local/app");
        assertThat(source.cloneUrl()).isEqualTo(dir.resolve("scratch/source").toUri().toString());
        try (Git git = Git.open(dir.resolve("scratch/source").toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
            ObjectId head = git.getRepository().resolve("refs/heads/main");
            assertThat(head.name()).isEqualTo(source.commit());
            assertThat(files(git, walk.parseCommit(head).getTree())).containsExactlyInAnyOrder(".gitignore", ".slipway.yml",
                    "src/Main.java");
        }
    }

    @Test
    void theTopOfARepositoryIsBuiltAtItsHead() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("api"));
        String commit;
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            Files.writeString(repo.resolve(".slipway.yml"), "version: 1\n");
            git.add().addFilepattern(".").call();
            commit = git.commit().setMessage("pipeline").setSign(false).call().name();
        }

        RunSource source = RunSource.resolve(repo.toString(), dir, dir.resolve("scratch"));

        assertThat(source).isEqualTo(new RunSource(repo.toUri().toString(), commit, "local/api", false));
    }

    @Test
    void refPicksTheBranchOrTagItNamesNotTheCheckout() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("api"));
        String onMain;
        String onFeature;
        try (Git git = Git.init().setInitialBranch("main").setDirectory(repo.toFile()).call()) {
            Files.writeString(repo.resolve(".slipway.yml"), "version: 1\n");
            git.add().addFilepattern(".").call();
            onMain = git.commit().setMessage("pipeline").setSign(false).call().name();
            git.tag().setName("v1.0.0").setAnnotated(true).setMessage("first release").setSigned(false).call();
            git.checkout().setCreateBranch(true).setName("feature/x").call();
            Files.writeString(repo.resolve("README"), "feature\n");
            git.add().addFilepattern(".").call();
            onFeature = git.commit().setMessage("feature").setSign(false).call().name();
        }
        RunSource source = RunSource.resolve(repo.toString(), dir, dir.resolve("scratch"));

        assertThat(source.commit()).isEqualTo(onFeature);
        assertThat(source.branch()).as("without --ref: the checked-out branch").isEqualTo("feature/x");
        assertThat(source.at("main", EventKind.PUSH).commit()).isEqualTo(onMain);
        assertThat(source.at("v1.0.0", EventKind.TAG).commit()).as("an annotated tag, peeled").isEqualTo(onMain);
        assertThatThrownBy(() -> source.at("release", EventKind.PULL_REQUEST))
                .hasMessageContaining("has no branch release (refs/heads/release)");
        assertThatThrownBy(() -> source.at("v9", EventKind.TAG)).hasMessageContaining("has no tag v9");
    }

    @Test
    void aDirectoryWithoutAPipelineFileSaysWhereToRunIt() throws Exception {
        Files.createDirectories(dir.resolve("empty"));

        assertThatThrownBy(() -> RunSource.resolve("empty", dir, dir.resolve("scratch")))
                .hasMessageContaining("has no .slipway.yml");
        assertThatThrownBy(() -> RunSource.resolve("missing", dir, dir.resolve("scratch")))
                .hasMessageContaining("missing is not a directory");
    }

    private static java.util.List<String> files(Git git, org.eclipse.jgit.revwalk.RevTree tree) throws Exception {
        java.util.List<String> paths = new java.util.ArrayList<>();
        try (TreeWalk walk = new TreeWalk(git.getRepository())) {
            walk.addTree(tree);
            walk.setRecursive(true);
            while (walk.next()) {
                paths.add(walk.getPathString());
            }
        }
        return paths;
    }
}
