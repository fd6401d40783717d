package dev.slipway.builder.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.builder.BuilderFailedException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JGit checkouts from real repositories on disk (file://): no network needed. */
class CheckoutTest {

    @TempDir
    Path tmp;
    private Path origin;
    private RevCommit first;
    private RevCommit second;
    private RevCommit onFeature;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Checkout checkout = new Checkout(new PrintStream(output, true, StandardCharsets.UTF_8));

    @BeforeEach
    void origin() throws Exception {
        origin = tmp.resolve("origin");
        try (Git git = Git.init().setDirectory(origin.toFile()).setInitialBranch("main").call()) {
            first = commit(git, "app.txt", "version 1", "first");
            second = commit(git, "app.txt", "version 2", "second");
            for (int i = 0; i < Checkout.SHALLOW_DEPTH + 5; i++) {
                commit(git, "log.txt", "entry " + i, "later " + i);
            }
            git.tag().setName("v1").setObjectId(second).setAnnotated(false).call();
            git.checkout().setCreateBranch(true).setName("feature").setStartPoint(second).call();
            onFeature = commit(git, "feature.txt", "wip", "feature work");
            git.checkout().setName("main").call();
        }
    }

    private static RevCommit commit(Git git, String file, String content, String message) throws Exception {
        Files.writeString(git.getRepository().getWorkTree().toPath().resolve(file), content);
        git.add().addFilepattern(file).call();
        return git.commit().setMessage(message).setAuthor("Test", "test@example.com").setCommitter("Test", "test@example.com")
                .setSign(false).call();
    }

    private CheckoutRequest request(String commit, Optional<String> ref) {
        return new CheckoutRequest(origin.toUri().toString(), commit, ref, tmp.resolve("workspace"), Optional.empty(), "x");
    }

    @Test
    void checksOutTheExactCommitEvenWhenTheBranchMovedOn() throws Exception {
        checkout.run(request(second.name(), Optional.of("refs/heads/main")));

        Path workspace = tmp.resolve("workspace");
        assertThat(workspace.resolve("app.txt")).hasContent("version 2");
        assertThat(workspace.resolve("log.txt")).doesNotExist();
        try (Git git = Git.open(workspace.toFile())) {
            assertThat(git.getRepository().resolve("HEAD")).isEqualTo(second.getId());
        }
    }

    @Test
    void fetchesShallowWhenTheCommitIsNearTheTipOfItsRef() throws Exception {
        try (Git git = Git.open(origin.toFile())) {
            RevCommit tip = git.log().setMaxCount(1).call().iterator().next();
            checkout.run(request(tip.name(), Optional.of("refs/heads/main")));
        }
        assertThat(tmp.resolve("workspace/.git/shallow")).exists();
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("depth " + Checkout.SHALLOW_DEPTH).doesNotContain("all branches");
    }

    @Test
    void deepensTheFetchForAnOldCommit() throws Exception {
        checkout.run(request(first.name(), Optional.of("refs/heads/main")));
        assertThat(tmp.resolve("workspace/app.txt")).hasContent("version 1");
    }

    @Test
    void findsACommitThatIsOnlyOnAnotherBranch() throws Exception {
        checkout.run(request(onFeature.name(), Optional.of("refs/heads/main")));
        assertThat(tmp.resolve("workspace/feature.txt")).hasContent("wip");
    }

    @Test
    void checksOutATag() throws Exception {
        checkout.run(request(second.name(), Optional.of("refs/tags/v1")));
        assertThat(tmp.resolve("workspace/app.txt")).hasContent("version 2");
    }

    @Test
    void aCommitThatDoesNotExistIsAnErrorNamingItAndTheRepository() {
        String missing = "0123456789abcdef0123456789abcdef01234567";
        assertThatThrownBy(() -> checkout.run(request(missing, Optional.of("refs/heads/main"))))
                .isInstanceOf(BuilderFailedException.class)
                .hasMessageContaining("commit " + missing + " does not exist in " + origin.toUri())
                .hasMessageContaining("force-pushed");
    }

    @Test
    void aRepositoryThatDoesNotExistIsAnErrorNamingIt() {
        String url = tmp.resolve("no-such-repo").toUri().toString();
        var req = new CheckoutRequest(url, second.name(), Optional.of("refs/heads/main"), tmp.resolve("workspace"),
                Optional.empty(), "x");
        assertThatThrownBy(() -> checkout.run(req)).isInstanceOf(BuilderFailedException.class)
                .hasMessageContaining("repository " + url + " does not exist or cannot be read");
    }

    @Test
    void aShortCommitIdIsRejected() {
        assertThatThrownBy(() -> checkout.run(request("abc123", Optional.empty()))).hasMessageContaining("40-character");
    }
}
