package dev.slipway.core.scm;

import java.net.URI;

/**
 * Sets the status of a commit on its SCM (GitHub statuses, GitLab commit status, Gitea status), so
 * the pull request and the commit page show how the build went, with a link to it.
 *
 * <p>Contract: setting the same state twice is harmless (the SCMs keep the latest per context);
 * a provider that has no such API ({@link Provider#SCHEDULE} ...) is a no-op; failures throw
 * {@link CommitStatusRejectedException} naming the provider, repository and the answer.
 */
public interface CommitStatuses {

    /** The context name Slipway's statuses carry, so several CIs on one repository do not overwrite each other. */
    String CONTEXT = "slipway";

    void set(Provider provider, Repository repo, String commit, CommitState state, String description, URI targetUrl);

    /** The states every supported SCM has (GitLab's and Gitea's names differ; adapters map them). */
    enum CommitState {
        PENDING,
        RUNNING,
        SUCCESS,
        FAILURE,
        CANCELLED
    }
}
