package dev.slipway.functions.dispatch;

import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.dispatch.PipelineFile;
import dev.slipway.core.dispatch.PipelineSource;
import dev.slipway.core.dispatch.PipelineSourceUnavailableException;
import dev.slipway.core.scm.Provider;
import dev.slipway.core.secret.SecretStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads {@code .slipway.yml} at a build's commit with JGit: a bare, shallow (depth 1) fetch into a
 * temporary directory, then the file's blob from the commit's tree; nothing is checked out.
 *
 * <p>The commit is fetched by id first (GitHub, GitLab and Gitea allow it). Servers that only
 * serve advertised refs get the request's ref instead, deepened until the commit is found, which
 * covers a branch that moved on since the push. Private repositories use the token in the secret
 * store at {@code slipway/scm/<provider>-token}.
 */
public final class JGitPipelineSource implements PipelineSource {

    private static final String FETCHED = "refs/slipway/fetched";
    private static final int[] DEEPEN = {1, 50};

    private final SecretStore secrets;
    private final Path workRoot;

    public JGitPipelineSource(SecretStore secrets, Path workRoot) {
        this.secrets = secrets;
        this.workRoot = workRoot;
    }

    public static String tokenSecretName(Provider provider) {
        return "slipway/scm/" + provider.id() + "-token";
    }

    @Override
    public PipelineFile read(BuildRequest request) {
        Path dir = tempDir();
        try (Git git = Git.init().setBare(true).setDirectory(dir.toFile()).call()) {
            disableAutoGc(git.getRepository());
            Optional<ObjectId> commit = fetch(git, request);
            if (commit.isEmpty()) {
                return new PipelineFile.Absent("commit-not-found", "commit " + request.commit() + " is not in "
                        + request.repo().fullName() + " (ref " + request.ref() + ")",
                        "was the branch force-pushed? push again to build the new head");
            }
            return readFile(git.getRepository(), commit.get(), request);
        } catch (InvalidRemoteException e) {
            return absentRepository(request, e);
        } catch (TransportException e) {
            return classify(request, e);
        } catch (GitAPIException | IOException e) {
            throw new PipelineSourceUnavailableException(request.repo().fullName(), request.commit(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /**
     * JGit may start an automatic gc in the background after a fetch; in a repository that is
     * deleted a moment later that only races the deletion (seen: gc.log.lock vanishing mid-walk).
     */
    private static void disableAutoGc(Repository repo) throws IOException {
        repo.getConfig().setInt("gc", null, "auto", 0);
        repo.getConfig().setInt("gc", null, "autoPackLimit", 0);
        repo.getConfig().setBoolean("receive", null, "autogc", false);
        repo.getConfig().save();
    }

    private Optional<ObjectId> fetch(Git git, BuildRequest request) throws GitAPIException, IOException {
        CredentialsProvider credentials = credentials(request);
        String url = request.repo().cloneUrl();
        if (request.commit() == null) {
            String ref = request.branch() == null ? request.ref() : "refs/heads/" + request.branch();
            fetchRef(git, url, ref, 1, credentials);
            return Optional.ofNullable(git.getRepository().resolve(FETCHED));
        }
        ObjectId wanted = ObjectId.fromString(request.commit());
        try {
            fetchRef(git, url, request.commit(), 1, credentials);
            return Optional.of(wanted);
        } catch (TransportException e) {
            if (isAuthFailure(e) || isMissingRepository(e)) {
                throw e;
            }
            // The server refused an unadvertised object id: fall back to the ref.
        }
        for (int depth : DEEPEN) {
            try {
                fetchRef(git, url, request.ref(), depth, credentials);
            } catch (TransportException e) {
                if (isMissingRef(e)) {
                    return Optional.empty();
                }
                throw e;
            }
            if (has(git.getRepository(), wanted)) {
                return Optional.of(wanted);
            }
        }
        return Optional.empty();
    }

    private static void fetchRef(Git git, String url, String source, int depth, CredentialsProvider credentials)
            throws GitAPIException {
        git.fetch().setRemote(url).setRefSpecs(new RefSpec("+" + source + ":" + FETCHED)).setDepth(depth)
                .setCredentialsProvider(credentials).call();
    }

    private static boolean has(Repository repo, ObjectId id) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            walk.parseCommit(id);
            return true;
        } catch (MissingObjectException e) {
            return false;
        }
    }

    private static PipelineFile readFile(Repository repo, ObjectId commitId, BuildRequest request) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit commit = walk.parseCommit(commitId);
            try (TreeWalk tree = TreeWalk.forPath(repo, PIPELINE_FILE, commit.getTree())) {
                if (tree == null) {
                    return new PipelineFile.Absent("pipeline-missing", "there is no " + PIPELINE_FILE + " at the root of "
                            + request.repo().fullName() + " at " + commit.name(),
                            "add one (see docs/pipeline.md) or remove the webhook");
                }
                ObjectLoader blob = repo.open(tree.getObjectId(0));
                return new PipelineFile.Found(PIPELINE_FILE, commit.name(),
                        new String(blob.getBytes(1024 * 1024), StandardCharsets.UTF_8));
            }
        }
    }

    private CredentialsProvider credentials(BuildRequest request) {
        if (!request.repo().isPrivate()) {
            return null;
        }
        return secrets.lookup(tokenSecretName(request.provider()))
                .map(token -> new UsernamePasswordCredentialsProvider(username(request.provider()), token))
                .orElse(null);
    }

    /** The user names providers expect with an access token over https. */
    private static String username(Provider provider) {
        return switch (provider) {
            case GITLAB -> "oauth2";
            case GITHUB -> "x-access-token";
            default -> "slipway";
        };
    }

    private PipelineFile classify(BuildRequest request, TransportException e) {
        if (isAuthFailure(e)) {
            return new PipelineFile.Absent("repository-access-denied", request.repo().fullName()
                    + " refused access: " + e.getMessage(), "store a token that can read it as secret "
                    + tokenSecretName(request.provider()));
        }
        if (isMissingRepository(e)) {
            return absentRepository(request, e);
        }
        throw new PipelineSourceUnavailableException(request.repo().fullName(), request.commit(), e);
    }

    private static PipelineFile absentRepository(BuildRequest request, Exception e) {
        return new PipelineFile.Absent("repository-not-found", "cannot find repository " + request.repo().cloneUrl()
                + ": " + e.getMessage(), "check the clone URL the webhook sends, or give Slipway access to it");
    }

    private static boolean isAuthFailure(Exception e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("not authorized") || m.contains("authentication is required") || m.contains("403");
    }

    /** JGit: "Remote does not have refs/heads/x available for fetch." */
    private static boolean isMissingRef(Exception e) {
        return String.valueOf(e.getMessage()).contains("does not have");
    }

    private static boolean isMissingRepository(Exception e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("not found") || m.contains("does not appear to be a git repository") || m.contains("404");
    }

    private Path tempDir() {
        try {
            Files.createDirectories(workRoot);
            return Files.createTempDirectory(workRoot, "pipeline-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory under " + workRoot, e);
        }
    }

    /** Best effort: a leftover temporary directory is harmless (Lambda's /tmp goes with the sandbox). */
    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Files vanished or appeared while walking; never fail a dispatch over cleanup.
        }
    }
}
