package dev.slipway.functions.pipeline;

/** A state machine payload lacks a field or has the wrong shape: a definition/handler mismatch. */
public final class PayloadInvalidException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PayloadInvalidException(String message) {
        super(message);
    }
}
