package dev.slipway.functions.webhook;

/**
 * A webhook request Slipway refuses, with the HTTP status and a short error for the sender.
 * The message is shown to whoever configured the webhook (in the provider's delivery log), so it
 * says what was wrong and what to do, and never contains a secret.
 */
public final class WebhookRejectedException extends RuntimeException {

    private final int status;
    private final String code;

    public WebhookRejectedException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static WebhookRejectedException badRequest(String code, String message) {
        return new WebhookRejectedException(400, code, message);
    }

    public static WebhookRejectedException unauthorized(String code, String message) {
        return new WebhookRejectedException(401, code, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
