package dev.slipway.bot.notify;

import dev.slipway.bot.message.SlackContent;

/**
 * Where the bot's messages go: Slack when a bot token is configured, the console and a log file
 * otherwise.
 *
 * <p>Contract: each call returns once the message is delivered (or throws
 * {@link NotificationFailedException}); implementations keep to the destination's rate limits
 * themselves, waiting rather than failing. {@code channel} may be an id or a {@code #name};
 * returned references carry the id. Thread safe.
 */
public interface Messenger {

    MessageRef post(String channel, SlackContent content);

    void update(MessageRef message, SlackContent content);

    /** A reply in the thread of {@code parent}. */
    MessageRef reply(MessageRef parent, SlackContent content);

    /** Whether people can click the buttons of what is posted; without Slack they answer with the CLI. */
    default boolean hasButtons() {
        return true;
    }
}
