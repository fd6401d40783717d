package dev.slipway.functions.webhook;

import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.scm.EventKind;
import dev.slipway.core.scm.PullRequest;
import dev.slipway.core.scm.Repository;
import java.util.Objects;
import java.util.Set;

/**
 * GitHub's payloads, and Gitea's/Forgejo's, which follow GitHub's shape ({@code repository.full_name},
 * {@code pull_request.head.repo}, ...) with a few different words: Gitea says {@code synchronized}
 * where GitHub says {@code synchronize}, and names the pusher {@code pusher.login}/{@code username}.
 */
final class GitHubStyleEvents implements EventNormaliser {

    /** Pull request actions that mean "there is code to build": opened, new commits, reopened. */
    private static final Set<String> BUILD_ACTIONS = Set.of("opened", "synchronize", "synchronized", "reopened");

    @Override
    public WebhookEvent normalise(EventContext context, Payload payload) {
        return switch (context.eventName()) {
            case "ping" -> new WebhookEvent.Ping("hook " + Objects.toString(payload.text("hook_id"), "") + " works");
            case "push" -> push(context, payload);
            case "pull_request" -> pullRequest(context, payload);
            default -> new WebhookEvent.Ignored("Slipway does not build on '" + context.eventName()
                    + "' events; it builds on push and pull_request");
        };
    }

    private static WebhookEvent push(EventContext context, Payload payload) {
        String ref = payload.requireText("ref");
        String after = payload.text("after");
        boolean tag = ref.startsWith("refs/tags/");
        String name = ref.replaceFirst("^refs/(heads|tags)/", "");
        if (payload.flag("deleted") || CommitMessages.isZero(after)) {
            return new WebhookEvent.Ignored((tag ? "tag " : "branch ") + name + " was deleted: nothing to build");
        }
        if (!tag && !ref.startsWith("refs/heads/")) {
            return new WebhookEvent.Ignored("push to " + ref + " is neither a branch nor a tag");
        }
        String message = payload.firstText("head_commit.message");
        if (!tag && CommitMessages.asksToSkip(message)) {
            return new WebhookEvent.Ignored("the head commit asks to skip CI ([skip ci])");
        }
        String actor = payload.firstText("pusher.name", "pusher.login", "pusher.username", "sender.login");
        return new WebhookEvent.Build(new BuildRequest(context.buildId(), context.provider(), context.deliveryId(),
                tag ? EventKind.TAG : EventKind.PUSH, repository(payload, "repository"), ref, after,
                tag ? null : name, tag ? name : null, null, actor, false, CommitMessages.firstLine(message),
                context.receivedAt()));
    }

    private static WebhookEvent pullRequest(EventContext context, Payload payload) {
        String action = payload.requireText("action");
        if (!BUILD_ACTIONS.contains(action)) {
            return new WebhookEvent.Ignored("pull request '" + action + "' does not change the code to build");
        }
        int number = payload.requireInt("pull_request.number");
        String baseRepo = payload.requireText("pull_request.base.repo.full_name");
        // A fork that was deleted leaves head.repo null: treat it as a fork, it is not the base repository.
        String headRepo = payload.text("pull_request.head.repo.full_name");
        boolean fork = headRepo == null || !headRepo.equals(baseRepo);
        PullRequest pr = new PullRequest(number, payload.requireText("pull_request.base.ref"),
                headRepo == null ? "(deleted fork)" : headRepo, fork, payload.text("pull_request.html_url"));
        String actor = payload.firstText("sender.login", "pull_request.user.login");
        return new WebhookEvent.Build(new BuildRequest(context.buildId(), context.provider(), context.deliveryId(),
                EventKind.PULL_REQUEST, repository(payload, "repository"), "refs/pull/" + number + "/head",
                payload.requireText("pull_request.head.sha"), payload.requireText("pull_request.head.ref"), null, pr,
                actor, fork, CommitMessages.firstLine(payload.text("pull_request.title")), context.receivedAt()));
    }

    private static Repository repository(Payload payload, String at) {
        return new Repository(payload.requireText(at + ".full_name"), payload.requireText(at + ".clone_url"),
                payload.text(at + ".html_url"), payload.flag(at + ".private"));
    }
}
