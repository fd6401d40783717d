package dev.slipway.core.build;

import dev.slipway.core.scm.EventKind;
import dev.slipway.core.scm.Provider;
import dev.slipway.core.scm.PullRequest;
import dev.slipway.core.scm.Repository;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one provider-neutral build request (DESIGN.md §6): what the webhook, schedule and bot
 * functions put on the build queue and what dispatch turns into a build. Provider JSON never gets
 * past the function that received it.
 *
 * @param id          deterministic: {@link BuildId#forDelivery} or {@link BuildId#forSchedule}
 * @param provider    where the request came from
 * @param deliveryId  the provider's delivery id (webhooks), or the schedule/interaction id
 * @param event       what happened
 * @param repo        the repository to build
 * @param ref         the full git ref ({@code refs/heads/main}, {@code refs/tags/v1.2.0},
 *                    {@code refs/pull/7/head}, GitLab {@code refs/merge-requests/7/head})
 * @param commit      the 40-hex commit to build; null only for SCHEDULE/MANUAL/CHAT requests,
 *                    which build the head of {@code branch} as dispatch finds it
 * @param branch      the branch pushed to, or the source branch of a pull request; null for tags
 * @param tag         the tag name for TAG events, else null
 * @param pullRequest the pull request for PULL_REQUEST events, else null
 * @param actor       who triggered it (SCM login, Slack user id, schedule name)
 * @param untrusted   true when the code comes from someone without write access (fork pull
 *                    requests): no secrets, no deploy
 * @param title       the head commit's first line or the pull request title, may be null
 * @param receivedAt  when Slipway received the event
 * @param release     for {@code /deploy} and {@code /rollback} ({@link EventKind#CHAT}): what to release
 *                    where; null for every other request
 */
public record BuildRequest(
        BuildId id,
        Provider provider,
        String deliveryId,
        EventKind event,
        Repository repo,
        String ref,
        String commit,
        String branch,
        String tag,
        PullRequest pullRequest,
        String actor,
        boolean untrusted,
        String title,
        Instant receivedAt,
        ReleaseOrder release) {

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    public BuildRequest {
        Objects.requireNonNull(id, "build id");
        Objects.requireNonNull(provider, "provider of build " + id);
        Objects.requireNonNull(event, "event of build " + id);
        Objects.requireNonNull(repo, "repository of build " + id);
        Objects.requireNonNull(receivedAt, "receivedAt of build " + id);
        if (commit != null && !SHA.matcher(commit).matches()) {
            throw new IllegalArgumentException("build " + id + ": commit '" + commit
                    + "' is not a full lower-case hex object id (40 or 64 characters)");
        }
        requireShape(id, event, commit, branch, tag, pullRequest);
        if (pullRequest != null && pullRequest.fromFork()) {
            untrusted = true;
        }
        if (actor == null || actor.isBlank()) {
            actor = "unknown";
        }
        if (release != null && event != EventKind.CHAT) {
            throw new IllegalArgumentException("build " + id + ": only a CHAT request carries a release order, not " + event);
        }
    }

    /** A request that releases nothing: every source but {@code /deploy} and {@code /rollback}. */
    public BuildRequest(BuildId id, Provider provider, String deliveryId, EventKind event, Repository repo, String ref,
            String commit, String branch, String tag, PullRequest pullRequest, String actor, boolean untrusted,
            String title, Instant receivedAt) {
        this(id, provider, deliveryId, event, repo, ref, commit, branch, tag, pullRequest, actor, untrusted, title,
                receivedAt, null);
    }

    private static void requireShape(BuildId id, EventKind event, String commit, String branch, String tag,
            PullRequest pullRequest) {
        String missing = switch (event) {
            case PUSH -> commit == null ? "commit" : branch == null ? "branch" : null;
            case TAG -> commit == null ? "commit" : tag == null ? "tag" : null;
            case PULL_REQUEST -> commit == null ? "commit" : pullRequest == null ? "pull request" : null;
            case SCHEDULE, MANUAL, CHAT -> branch == null && commit == null ? "branch or commit" : null;
        };
        if (missing != null) {
            throw new IllegalArgumentException("build " + id + ": a " + event + " request needs a " + missing);
        }
    }

    /** The branch that trigger and flow filters see: the target branch for pull requests. */
    public String filterBranch() {
        return pullRequest != null ? pullRequest.targetBranch() : branch;
    }

    /** The same request building {@code sha}: dispatch pins branch builds to the head it found. */
    public BuildRequest withCommit(String sha) {
        return new BuildRequest(id, provider, deliveryId, event, repo, ref, sha, branch, tag, pullRequest, actor,
                untrusted, title, receivedAt, release);
    }

    /** Whether this build may read secrets and deploy. */
    public boolean trusted() {
        return !untrusted;
    }
}
