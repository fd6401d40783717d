package dev.slipway.testkit.slack;

/** An ephemeral message sent with {@code chat.postEphemeral}: only {@code user} sees it. */
public record SlackEphemeral(String channel, String user, String text, String blocksJson) {
}
