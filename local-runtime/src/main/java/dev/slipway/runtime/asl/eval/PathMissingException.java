package dev.slipway.runtime.asl.eval;

/** A JSONPath that selects nothing; the message is Jayway's, which is the text AWS quotes in causes. */
public final class PathMissingException extends RuntimeException {
    public PathMissingException(String message) {
        super(message, null, false, false);
    }
}
