package dev.slipway.bot.release;

/**
 * Who asked for an action, from where, and the id of that one request.
 *
 * @param userId    the Slack user id
 * @param channelId the channel the command was typed in; answers and the build message go there
 * @param requestId unique per user request and the same on every redelivery of it (Slack's
 *                  {@code trigger_id}); actions use it to start at most one thing per request
 */
public record Requester(String userId, String channelId, String requestId) {
}
