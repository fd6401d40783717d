package dev.slipway.testkit.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The Web API methods the fake implements, each checking the arguments Slack checks, in the order
 * Slack reports them (authentication and scope first, then arguments). Errors and response shapes
 * follow the method pages at api.slack.com/methods.
 */
final class SlackMethods {

    /** The scope each method needs from a bot token (api.slack.com method pages, "Required scopes"). */
    static final Map<String, String> REQUIRED_SCOPE = Map.of(
            "auth.test", "",
            "chat.postMessage", "chat:write",
            "chat.update", "chat:write",
            "chat.postEphemeral", "chat:write",
            "usergroups.users.list", "usergroups:read");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SlackWorkspace workspace;
    private final ChannelRateLimiter rateLimiter;

    SlackMethods(SlackWorkspace workspace, ChannelRateLimiter rateLimiter) {
        this.workspace = workspace;
        this.rateLimiter = rateLimiter;
    }

    SlackAnswer call(SlackApiRequest request) {
        if (!REQUIRED_SCOPE.containsKey(request.method())) {
            return SlackAnswer.error(404, "unknown_method");
        }
        if (request.token() == null) {
            return SlackAnswer.error("not_authed");
        }
        SlackWorkspace.Grant grant = workspace.grant(request.token());
        if (grant == null) {
            return SlackAnswer.error("invalid_auth");
        }
        String needed = REQUIRED_SCOPE.get(request.method());
        if (!needed.isEmpty() && !grant.scopes().contains(needed)) {
            SlackAnswer answer = SlackAnswer.error("missing_scope");
            answer.body().put("needed", needed);
            answer.body().put("provided", String.join(",", grant.scopes()));
            return answer;
        }
        return switch (request.method()) {
            case "auth.test" -> authTest(grant);
            case "chat.postMessage" -> postMessage(request);
            case "chat.update" -> update(request);
            case "chat.postEphemeral" -> postEphemeral(request);
            default -> userGroupUsers(request);
        };
    }

    private SlackAnswer authTest(SlackWorkspace.Grant grant) {
        ObjectNode body = SlackAnswer.object();
        body.put("url", "https://slipway-test.slack.com/");
        body.put("team", "Slipway Test");
        body.put("user", "slipway");
        body.put("team_id", SlackWorkspace.TEAM_ID);
        body.put("user_id", grant.userId());
        if (grant.botId() != null) {
            body.put("bot_id", grant.botId());
        }
        return SlackAnswer.ok(body);
    }

    private SlackAnswer postMessage(SlackApiRequest request) {
        String channel = workspace.resolveChannel(request.param("channel"), true);
        if (channel == null) {
            return SlackAnswer.error("channel_not_found");
        }
        Optional<JsonNode> blocks = blocks(request);
        if (blocks.isEmpty()) {
            return SlackAnswer.error("invalid_blocks_format");
        }
        String problem = contentProblem(request, blocks.get());
        if (problem != null) {
            return SlackAnswer.error(problem);
        }
        String threadTs = request.param("thread_ts");
        if (threadTs != null && workspace.message(channel, threadTs) == null) {
            return SlackAnswer.error("thread_not_found");
        }
        long retryAfter = rateLimiter.acquire(channel);
        if (retryAfter > 0) {
            SlackAnswer limited = SlackAnswer.error(429, "ratelimited");
            return new SlackAnswer(429, Map.of("Retry-After", Long.toString(retryAfter)), limited.body());
        }
        SlackMessage message = new SlackMessage(channel, workspace.nextTs(), threadTs, request.param("text"), blocks.get(), 0);
        workspace.store(message);
        ObjectNode body = SlackAnswer.object();
        body.put("channel", channel);
        body.put("ts", message.ts());
        body.set("message", messageJson(message));
        return SlackAnswer.ok(body);
    }

    private SlackAnswer update(SlackApiRequest request) {
        // chat.update takes the channel id only: "ensure that this value is a ... ID".
        String channel = workspace.resolveChannel(request.param("channel"), false);
        if (channel == null) {
            return SlackAnswer.error("channel_not_found");
        }
        String ts = request.param("ts");
        SlackMessage previous = ts == null ? null : workspace.message(channel, ts);
        if (previous == null) {
            return SlackAnswer.error("message_not_found");
        }
        Optional<JsonNode> blocks = blocks(request);
        if (blocks.isEmpty()) {
            return SlackAnswer.error("invalid_blocks_format");
        }
        String problem = contentProblem(request, blocks.get());
        if (problem != null) {
            return SlackAnswer.error(problem);
        }
        SlackMessage updated = new SlackMessage(channel, ts, previous.threadTs(), request.param("text"),
                blocks.get(), previous.revision() + 1);
        workspace.store(updated);
        ObjectNode body = SlackAnswer.object();
        body.put("channel", channel);
        body.put("ts", ts);
        body.put("text", updated.text() == null ? "" : updated.text());
        body.set("message", messageJson(updated));
        return SlackAnswer.ok(body);
    }

    private SlackAnswer postEphemeral(SlackApiRequest request) {
        String channel = workspace.resolveChannel(request.param("channel"), true);
        if (channel == null) {
            return SlackAnswer.error("channel_not_found");
        }
        if (request.param("user") == null) {
            return SlackAnswer.error("user_not_in_channel");
        }
        Optional<JsonNode> blocks = blocks(request);
        if (blocks.isEmpty()) {
            return SlackAnswer.error("invalid_blocks_format");
        }
        String problem = contentProblem(request, blocks.get());
        if (problem != null) {
            return SlackAnswer.error(problem);
        }
        workspace.record(new SlackEphemeral(channel, request.param("user"), request.param("text"),
                blocks.get().isMissingNode() ? null : blocks.get().toString()));
        ObjectNode body = SlackAnswer.object();
        body.put("message_ts", workspace.nextTs());
        return SlackAnswer.ok(body);
    }

    private SlackAnswer userGroupUsers(SlackApiRequest request) {
        String id = request.param("usergroup");
        var users = id == null ? null : workspace.userGroup(id);
        if (users == null) {
            return SlackAnswer.error("no_such_subteam");
        }
        ObjectNode body = SlackAnswer.object();
        users.forEach(body.putArray("users")::add);
        return SlackAnswer.ok(body);
    }

    /** Empty when {@code blocks} is present but not JSON; a missing node when it is absent. */
    private static Optional<JsonNode> blocks(SlackApiRequest request) {
        String raw = request.param("blocks");
        if (raw == null) {
            return Optional.of(MissingNode.getInstance());
        }
        try {
            return Optional.of(JSON.readTree(raw));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Slack needs text, blocks or attachments; blocks must keep Block Kit's limits; text at most 40,000. */
    private static String contentProblem(SlackApiRequest request, JsonNode blocks) {
        String text = request.param("text");
        if (text == null && blocks.isMissingNode() && request.param("attachments") == null) {
            return "no_text";
        }
        if (text != null && text.length() > 40_000) {
            return "msg_too_long";
        }
        return blocks.isMissingNode() ? null : BlockKitLimits.check(blocks);
    }

    private static ObjectNode messageJson(SlackMessage message) {
        ObjectNode json = SlackAnswer.object();
        json.put("type", "message");
        json.put("subtype", "bot_message");
        json.put("text", message.text() == null ? "" : message.text());
        json.put("ts", message.ts());
        if (message.threadTs() != null) {
            json.put("thread_ts", message.threadTs());
        }
        if (!message.blocks().isMissingNode()) {
            json.set("blocks", message.blocks());
        }
        return json;
    }
}
