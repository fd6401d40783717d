package dev.slipway.bot.notify;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.slipway.bot.message.SlackContent;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Messenger} on Slack's Web API: {@code chat.postMessage}, {@code chat.update}, thread
 * replies. Paced per channel; a 429 is waited out for its {@code Retry-After} and retried.
 */
public final class SlackMessenger implements Messenger {

    private static final Logger LOG = LoggerFactory.getLogger(SlackMessenger.class);
    static final int ATTEMPTS = 4;

    /** One Web API call, for {@link #send}. */
    @FunctionalInterface
    private interface Call<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    private final MethodsClient client;
    private final String token;
    private final ChannelPacer pacer;
    private final Map<String, String> channelIds = new ConcurrentHashMap<>();

    /**
     * The pace Slipway keeps: Slack allows about one message per second per channel, and requests
     * spaced exactly one second apart can arrive closer than that; a tenth of a second spare avoids
     * most 429s (which are still honoured when they come).
     */
    public static final Duration SLACK_PACE = Duration.ofMillis(1100);

    /** @param interval the least time between two messages to one channel, normally {@link #SLACK_PACE} */
    public SlackMessenger(MethodsClient client, String token, Duration interval) {
        this(client, token, new ChannelPacer(interval, System::nanoTime, d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000)));
    }

    SlackMessenger(MethodsClient client, String token, ChannelPacer pacer) {
        this.client = client;
        this.token = token;
        this.pacer = pacer;
    }

    @Override
    public MessageRef post(String channel, SlackContent content) {
        ChatPostMessageResponse posted = send("chat.postMessage", channel, () -> client.chatPostMessage(r -> r.token(token)
                .channel(channel).text(content.text()).blocks(content.blocks())));
        if (channelIds.putIfAbsent(channel, posted.getChannel()) == null) {
            pacer.sameChannel(channel, posted.getChannel());
        }
        return new MessageRef(posted.getChannel(), posted.getTs());
    }

    @Override
    public void update(MessageRef message, SlackContent content) {
        send("chat.update", message.channel(), () -> client.chatUpdate(r -> r.token(token)
                .channel(message.channel()).ts(message.ts()).text(content.text()).blocks(content.blocks())));
    }

    @Override
    public MessageRef reply(MessageRef parent, SlackContent content) {
        ChatPostMessageResponse posted = send("chat.postMessage", parent.channel(), () -> client.chatPostMessage(r -> r.token(token)
                .channel(parent.channel()).threadTs(parent.ts()).text(content.text()).blocks(content.blocks())));
        return new MessageRef(posted.getChannel(), posted.getTs());
    }

    private <T extends SlackApiTextResponse> T send(String method, String channel, Call<T> call) {
        String paceKey = channelIds.getOrDefault(channel, channel);
        for (int attempt = 1; ; attempt++) {
            pacer.await(paceKey);
            try {
                T response = call.run();
                if (!response.isOk()) {
                    throw new NotificationFailedException(explain(method, channel, response), response.getError(), null);
                }
                return response;
            } catch (SlackApiException e) {
                if (e.getResponse().code() != 429 || attempt == ATTEMPTS) {
                    throw new NotificationFailedException(method + " to " + channel + " failed with HTTP "
                            + e.getResponse().code() + " after " + attempt + " attempt(s): " + e.getResponseBody(), e);
                }
                Duration wait = retryAfter(e);
                LOG.info("{} to {} rate limited; waiting {} as Slack asks", method, channel, wait);
                pacer.backOff(paceKey, wait);
            } catch (IOException e) {
                throw new NotificationFailedException(method + " to " + channel + " could not reach Slack: " + e.getMessage(), e);
            }
        }
    }

    /** Slack's {@code Retry-After} is in seconds; without one, a second is what Slack's limit implies. */
    private static Duration retryAfter(SlackApiException e) {
        String header = e.getResponse().header("Retry-After");
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(header == null ? "1" : header.trim())));
        } catch (NumberFormatException notSeconds) {
            return Duration.ofSeconds(1);
        }
    }

    private static String explain(String method, String channel, SlackApiTextResponse response) {
        String error = response.getError();
        String fix = switch (error) {
            case "channel_not_found", "not_in_channel" -> "invite the Slipway app to " + channel
                    + ", or set `notify.slack.channel` in .slipway.yml to a channel it is in";
            case "invalid_auth", "not_authed", "token_revoked", "account_inactive" ->
                    "set SLACK_BOT_TOKEN to the app's Bot User OAuth Token (xoxb-…)";
            case "missing_scope" -> "reinstall the Slack app from bot/manifest.yml so the token has the scope it needs";
            case "message_not_found" -> "the message was deleted; the build notifier posts a new one";
            default -> "see api.slack.com/methods/" + method + " for '" + error + "'";
        };
        return "Slack answered " + error + " to " + method + " in " + channel + ": " + fix;
    }
}
