package dev.slipway.core.notify;

/** A notification could not be delivered (chat service down, channel unknown, token revoked). */
public final class NotificationUndeliveredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotificationUndeliveredException(String what, Throwable cause) {
        super(what, cause);
    }
}
