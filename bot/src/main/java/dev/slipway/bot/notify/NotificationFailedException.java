package dev.slipway.bot.notify;

/** A message could not be delivered; the message says why and what to change. */
public class NotificationFailedException extends RuntimeException {

    public NotificationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
