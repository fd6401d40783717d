package dev.slipway.builder;

/**
 * A builder command could not do its job for a reason the user can fix; the message says what,
 * where and what to do, and is printed as the last line of the container's output.
 */
public class BuilderFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    public BuilderFailedException(String message) {
        super(message);
    }

    public BuilderFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
