package dev.slipway.functions.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.dispatch.PipelineFile;
import dev.slipway.core.scm.EventKind;
import dev.slipway.core.scm.Provider;
import dev.slipway.core.scm.Repository;
import dev.slipway.testkit.secret.InMemorySecretStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JGit reading real repositories on disk (file:// URLs: no network). */
class JGitPipelineSourceTest {

    @TempDir
    Path temp;

    private Git origin;
    private JGitPipelineSource source;

    @BeforeEach
    void setUp() throws GitAPIException {
        origin = Git.init().setDirectory(temp.resolve("origin").toFile()).setInitialBranch("main").call();
        source = new JGitPipelineSource(new InMemorySecretStore(), temp.resolve("work"));
    }

    private RevCommit commit(String file, String text, String message) throws IOException, GitAPIException {
        Path path = temp.resolve("origin").resolve(file);
        Files.writeString(path, text, StandardCharsets.UTF_8);
        origin.add().addFilepattern(file).call();
        return origin.commit().setMessage(message).setAuthor("Octo Cat", "octocat@example.com")
                .setCommitter("Octo Cat", "octocat@example.com").call();
    }

    private BuildRequest request(String url, String commit, String branch) {
        EventKind event = commit == null ? EventKind.SCHEDULE : EventKind.PUSH;
        return new BuildRequest(BuildId.of("b"), Provider.GITEA, "d", event,
                new Repository("acme/api", url, null, false), "refs/heads/" + branch, commit, branch, null, null,
                "octocat", false, null, Instant.parse("2026-11-22T05:00:00Z"));
    }

    private String url() {
        return temp.resolve("origin").toUri().toString();
    }

    @Test
    void readsTheFileAtExactlyTheCommit() throws Exception {
        RevCommit first = commit(".slipway.yml", "version: 1\nservice: api\n", "first");
        commit(".slipway.yml", "version: 1\nservice: api-v2\n", "second");

        PipelineFile file = source.read(request(url(), first.name(), "main"));

        assertThat(file).isEqualTo(new PipelineFile.Found(".slipway.yml", first.name(), "version: 1\nservice: api\n"));
    }

    @Test
    void aBranchBuildReadsTheHeadAndNamesItsCommit() throws Exception {
        commit(".slipway.yml", "version: 1\nservice: api\n", "first");
        RevCommit head = commit(".slipway.yml", "version: 1\nservice: api-v2\n", "second");

        PipelineFile file = source.read(request(url(), null, "main"));

        assertThat(file).isEqualTo(new PipelineFile.Found(".slipway.yml", head.name(), "version: 1\nservice: api-v2\n"));
    }

    @Test
    void aCommitWithoutTheFileIsAbsentWithAHint() throws Exception {
        RevCommit commit = commit("README.md", "# api\n", "readme only");

        PipelineFile file = source.read(request(url(), commit.name(), "main"));

        assertThat(file).isInstanceOfSatisfying(PipelineFile.Absent.class, a -> {
            assertThat(a.code()).isEqualTo("pipeline-missing");
            assertThat(a.message()).contains(commit.name());
        });
    }

    @Test
    void aCommitTheRepositoryDoesNotHaveIsAbsent() throws Exception {
        commit(".slipway.yml", "version: 1\n", "first");

        PipelineFile file = source.read(request(url(), "dead".repeat(10), "main"));

        assertThat(file).isInstanceOfSatisfying(PipelineFile.Absent.class,
                a -> assertThat(a.code()).isEqualTo("commit-not-found"));
    }

    @Test
    void aMissingRepositoryIsAbsent() {
        PipelineFile file = source.read(request(temp.resolve("nowhere").toUri().toString(), "ab".repeat(20), "main"));

        assertThat(file).isInstanceOfSatisfying(PipelineFile.Absent.class,
                a -> assertThat(a.code()).isEqualTo("repository-not-found"));
    }

    @Test
    void leavesNoWorkDirectoriesBehind() throws Exception {
        RevCommit commit = commit(".slipway.yml", "version: 1\n", "first");

        source.read(request(url(), commit.name(), "main"));

        try (var left = Files.list(temp.resolve("work"))) {
            assertThat(left).isEmpty();
        }
    }
}
