package dev.slipway.runtime.asl;

/**
 * A Step Functions API request the engine refuses. {@code code} is AWS's error type
 * (ExecutionAlreadyExists, StateMachineDoesNotExist, InvalidDefinition, ...), which the HTTP API
 * returns as {@code __type} with status 400, as AWS does.
 */
public final class RequestRejectedException extends RuntimeException {
    private final String code;

    public RequestRejectedException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
