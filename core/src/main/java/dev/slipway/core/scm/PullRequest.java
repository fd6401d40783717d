package dev.slipway.core.scm;

/**
 * The pull (merge) request a build is for.
 *
 * @param number       the number shown to people (GitLab: the merge request iid)
 * @param targetBranch the branch it merges into; {@code on.pull_request.branches} filters on it
 * @param sourceRepo   full name of the repository the changes come from
 * @param fromFork     whether {@code sourceRepo} is not the target repository: such builds run
 *                     untrusted code, so they get no secrets and never deploy
 * @param url          the page people open, may be null
 */
public record PullRequest(int number, String targetBranch, String sourceRepo, boolean fromFork, String url) {

    public PullRequest {
        if (number <= 0) {
            throw new IllegalArgumentException("pull request number must be positive, got " + number);
        }
        if (targetBranch == null || targetBranch.isBlank()) {
            throw new IllegalArgumentException("pull request #" + number + " has no target branch");
        }
    }
}
