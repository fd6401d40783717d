package dev.slipway.functions.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.scm.EventKind;
import dev.slipway.core.scm.PullRequest;
import dev.slipway.core.scm.Repository;
import java.util.Objects;

/**
 * GitLab's payloads ("Webhook events", GitLab Docs): {@code Push Hook}, {@code Tag Push Hook} and
 * {@code Merge Request Hook}, told apart by {@code object_kind}.
 */
final class GitLabEvents implements EventNormaliser {

    /** GitLab's {@code visibility_level}: 0 private, 10 internal, 20 public. Anything but public needs a token. */
    private static final int PUBLIC = 20;

    @Override
    public WebhookEvent normalise(EventContext context, Payload payload) {
        String kind = Objects.toString(payload.text("object_kind"), "");
        return switch (kind) {
            case "push", "tag_push" -> push(context, payload, kind.equals("tag_push"));
            case "merge_request" -> mergeRequest(context, payload);
            default -> new WebhookEvent.Ignored("Slipway does not build on '" + context.eventName()
                    + "' events; it builds on Push Hook, Tag Push Hook and Merge Request Hook");
        };
    }

    private static WebhookEvent push(EventContext context, Payload payload, boolean tag) {
        String ref = payload.requireText("ref");
        String name = ref.replaceFirst("^refs/(heads|tags)/", "");
        String head = payload.firstText("checkout_sha", "after");
        if (CommitMessages.isZero(payload.text("after")) || CommitMessages.isZero(head)) {
            return new WebhookEvent.Ignored((tag ? "tag " : "branch ") + name + " was deleted: nothing to build");
        }
        String message = headCommitMessage(payload, head);
        if (!tag && CommitMessages.asksToSkip(message)) {
            return new WebhookEvent.Ignored("the head commit asks to skip CI ([skip ci])");
        }
        return new WebhookEvent.Build(new BuildRequest(context.buildId(), context.provider(), context.deliveryId(),
                tag ? EventKind.TAG : EventKind.PUSH, project(payload), ref, head, tag ? null : name, tag ? name : null,
                null, payload.firstText("user_username", "user_name"), false, CommitMessages.firstLine(message),
                context.receivedAt()));
    }

    private static WebhookEvent mergeRequest(EventContext context, Payload payload) {
        String action = Objects.toString(payload.text("object_attributes.action"), "");
        boolean newCommits = payload.text("object_attributes.oldrev") != null;
        if (!action.equals("open") && !action.equals("reopen") && !(action.equals("update") && newCommits)) {
            return new WebhookEvent.Ignored("merge request '" + action + "'"
                    + (action.equals("update") ? " without new commits" : "") + " does not change the code to build");
        }
        int iid = payload.requireInt("object_attributes.iid");
        String source = payload.requireText("object_attributes.source_project_id");
        String target = payload.requireText("object_attributes.target_project_id");
        boolean fork = !source.equals(target);
        PullRequest mr = new PullRequest(iid, payload.requireText("object_attributes.target_branch"),
                payload.firstText("object_attributes.source.path_with_namespace", "project.path_with_namespace"), fork,
                payload.text("object_attributes.url"));
        return new WebhookEvent.Build(new BuildRequest(context.buildId(), context.provider(), context.deliveryId(),
                EventKind.PULL_REQUEST, project(payload), "refs/merge-requests/" + iid + "/head",
                payload.requireText("object_attributes.last_commit.id"),
                payload.requireText("object_attributes.source_branch"), null, mr, payload.firstText("user.username"),
                fork, CommitMessages.firstLine(payload.text("object_attributes.title")), context.receivedAt()));
    }

    private static Repository project(Payload payload) {
        JsonNode visibility = payload.node("project.visibility_level");
        boolean isPrivate = visibility == null || visibility.asInt(0) < PUBLIC;
        return new Repository(payload.requireText("project.path_with_namespace"),
                payload.requireText("project.git_http_url"), payload.text("project.web_url"), isPrivate);
    }

    /** The message of the commit the push ends at; GitLab lists up to 20 commits, oldest first. */
    private static String headCommitMessage(Payload payload, String head) {
        JsonNode commits = payload.node("commits");
        if (commits == null || !commits.isArray() || commits.isEmpty()) {
            return null;
        }
        for (JsonNode commit : commits) {
            if (head.equals(commit.path("id").asText())) {
                return commit.path("message").asText(null);
            }
        }
        return commits.get(commits.size() - 1).path("message").asText(null);
    }
}
