package dev.slipway.lambda;

/** The Slack secret is missing or not the JSON object the stack expects; the message says which and how to fix it. */
public class SlackSecretInvalidException extends RuntimeException {

    public SlackSecretInvalidException(String message) {
        super(message);
    }

    public SlackSecretInvalidException(String message, Throwable cause) {
        super(message, cause);
    }
}
