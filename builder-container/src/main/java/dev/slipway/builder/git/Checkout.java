package dev.slipway.builder.git;

import dev.slipway.builder.BuilderFailedException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Puts the exact commit of a build into the workspace with JGit, fetching as little as it can:
 * first the pushed ref at depth {@value #SHALLOW_DEPTH}, then that ref whole, then every branch and
 * tag. The commit is checked out detached, so the workspace is what was pushed even when the
 * branch has moved on since.
 */
public final class Checkout {

    static final int SHALLOW_DEPTH = 20;
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    private final PrintStream log;

    public Checkout(PrintStream log) {
        this.log = log;
    }

    public RevCommit run(CheckoutRequest request) throws BuilderFailedException {
        if (!COMMIT.matcher(request.commit()).matches()) {
            throw new BuilderFailedException("commit must be a full 40-character hex id, was '" + request.commit() + "'");
        }
        ObjectId wanted = ObjectId.fromString(request.commit());
        try (Git git = Git.init().setDirectory(request.directory().toFile()).setInitialBranch("slipway").call()) {
            git.remoteAdd().setName("origin").setUri(new URIish(request.repository())).call();
            for (Attempt attempt : attempts(request)) {
                log.println("fetching " + attempt.describe() + " from " + request.repository());
                fetch(git, request, attempt);
                Optional<RevCommit> found = lookup(git, wanted);
                if (found.isPresent()) {
                    git.checkout().setName(wanted.name()).call();
                    log.println("checked out " + wanted.name() + ": " + found.get().getShortMessage());
                    return found.get();
                }
            }
            throw new BuilderFailedException("commit " + request.commit() + " does not exist in " + request.repository()
                    + request.ref().map(r -> " (not on " + r + " nor on any branch or tag)").orElse(" (not on any branch or tag)")
                    + "; it may have been force-pushed away: push it again or start a build for a current commit");
        } catch (GitAPIException | java.net.URISyntaxException e) {
            throw new BuilderFailedException("could not check out " + request.repository() + "@" + request.commit() + ": "
                    + e.getMessage(), e);
        }
    }

    private record Attempt(Optional<String> ref, int depth) {
        String describe() {
            return ref.orElse("all branches and tags") + (depth > 0 ? " (depth " + depth + ")" : "");
        }
    }

    private static List<Attempt> attempts(CheckoutRequest request) {
        return request.ref()
                .map(ref -> List.of(new Attempt(Optional.of(ref), SHALLOW_DEPTH), new Attempt(Optional.of(ref), 0),
                        new Attempt(Optional.empty(), 0)))
                .orElse(List.of(new Attempt(Optional.empty(), 0)));
    }

    private void fetch(Git git, CheckoutRequest request, Attempt attempt) throws BuilderFailedException, GitAPIException {
        FetchCommand fetch = git.fetch().setRemote("origin");
        if (attempt.ref().isPresent()) {
            String ref = attempt.ref().get();
            fetch.setRefSpecs(new RefSpec("+" + ref + ":refs/slipway/fetched"));
        } else {
            fetch.setRefSpecs(new RefSpec("+refs/heads/*:refs/remotes/origin/*"), new RefSpec("+refs/tags/*:refs/tags/*"));
        }
        if (attempt.depth() > 0) {
            fetch.setDepth(attempt.depth());
        } else if (isShallow(git)) {
            fetch.setUnshallow(true);
        }
        request.token().ifPresent(t -> fetch.setCredentialsProvider(new UsernamePasswordCredentialsProvider(request.username(), t)));
        try {
            fetch.call();
        } catch (InvalidRemoteException e) {
            throw missingRepository(request, e);
        } catch (TransportException e) {
            if (attempt.ref().isPresent() && e.getMessage() != null && e.getMessage().contains("Remote does not have")) {
                log.println(attempt.ref().get() + " is not in the repository any more; looking on every branch and tag");
                return;
            }
            throw missingRepository(request, e);
        }
    }

    private static boolean isShallow(Git git) {
        return git.getRepository().getDirectory().toPath().resolve("shallow").toFile().exists();
    }

    private static BuilderFailedException missingRepository(CheckoutRequest request, Exception e) {
        return new BuilderFailedException("repository " + request.repository() + " does not exist or cannot be read ("
                + e.getMessage() + "); check the URL and, for a private repository, the access token", e);
    }

    private static Optional<RevCommit> lookup(Git git, ObjectId id) {
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            return Optional.of(walk.parseCommit(id));
        } catch (MissingObjectException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
