package dev.slipway.runtime.up;

import dev.slipway.core.scm.CommitStatuses;
import dev.slipway.core.scm.Provider;
import dev.slipway.core.scm.Repository;
import java.lang.System.Logger.Level;
import java.net.URI;

/**
 * Commit statuses on one machine: logged, not sent. {@code slipway up} has no SCM API tokens in its
 * configuration yet, and a status call to an unreachable API would only slow each stage down; the
 * build page and the JSON API carry the same information.
 */
final class LocalCommitStatuses implements CommitStatuses {

    private static final System.Logger LOG = System.getLogger(LocalCommitStatuses.class.getName());

    @Override
    public void set(Provider provider, Repository repo, String commit, CommitState state, String description, URI targetUrl) {
        LOG.log(Level.INFO, "commit status (not sent) {0} {1}@{2}: {3} {4} {5}", provider, repo.fullName(), commit, state,
                description, targetUrl);
    }
}
