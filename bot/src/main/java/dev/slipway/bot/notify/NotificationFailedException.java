package dev.slipway.bot.notify;

import java.util.Optional;

/** A message could not be delivered; the message says why and what to change. */
public class NotificationFailedException extends RuntimeException {

    private final String slackError;

    public NotificationFailedException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /** @param slackError the {@code error} Slack answered, when it answered one */
    public NotificationFailedException(String message, String slackError, Throwable cause) {
        super(message, cause);
        this.slackError = slackError;
    }

    public Optional<String> slackError() {
        return Optional.ofNullable(slackError);
    }
}
