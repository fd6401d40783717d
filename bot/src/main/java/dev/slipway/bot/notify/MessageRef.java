package dev.slipway.bot.notify;

/**
 * Where a posted message lives: its channel id and Slack's {@code ts}. Stored with the build or
 * the approval ({@code Approval.messageRef}) as {@code channel:ts}, so later updates find it.
 */
public record MessageRef(String channel, String ts) {

    public MessageRef {
        if (channel == null || channel.isBlank() || ts == null || ts.isBlank()) {
            throw new IllegalArgumentException("a message reference needs a channel and a ts, got " + channel + ":" + ts);
        }
    }

    public static MessageRef parse(String stored) {
        int colon = stored == null ? -1 : stored.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("'" + stored + "' is not a message reference: expected <channel>:<ts>");
        }
        return new MessageRef(stored.substring(0, colon), stored.substring(colon + 1));
    }

    public String asString() {
        return channel + ":" + ts;
    }
}
