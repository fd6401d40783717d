package dev.slipway.bot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.bot.message.SlackContent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Messenger} does, whatever the destination: a post answers a reference in the
 * channel it went to; that reference can be updated; a reply is a new message in the same channel;
 * and everything sent arrives, in order.
 */
abstract class MessengerContract {

    /** The messenger under test, posting to {@link #channel()}. */
    abstract Messenger messenger();

    /** A channel the messenger can post to, as users write it in the pipeline file. */
    abstract String channel();

    /** The channel as references name it (an id for Slack). */
    abstract String channelId();

    /** The texts that arrived, in order, as posts, updates or replies. */
    abstract List<String> delivered();

    private static SlackContent text(String text) {
        return new SlackContent(text, List.of());
    }

    @Test
    void aPostAnswersAReferenceInItsChannel() {
        MessageRef ref = messenger().post(channel(), text("build started"));
        assertThat(ref.channel()).isEqualTo(channelId());
        assertThat(ref.ts()).isNotBlank();
        assertThat(delivered()).containsExactly("build started");
    }

    @Test
    void thePostedMessageCanBeUpdatedAndRepliedTo() {
        MessageRef ref = messenger().post(channel(), text("v1"));
        messenger().update(ref, text("v2"));
        MessageRef reply = messenger().reply(ref, text("in the thread"));
        assertThat(reply.channel()).isEqualTo(ref.channel());
        assertThat(reply.ts()).isNotEqualTo(ref.ts());
        assertThat(delivered()).containsExactly("v1", "v2", "in the thread");
    }

    @Test
    void twoPostsAreTwoMessages() {
        MessageRef first = messenger().post(channel(), text("one"));
        MessageRef second = messenger().post(channel(), text("two"));
        assertThat(first).isNotEqualTo(second);
    }
}
