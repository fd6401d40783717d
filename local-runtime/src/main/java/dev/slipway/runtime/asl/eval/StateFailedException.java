package dev.slipway.runtime.asl.eval;

/**
 * An ASL error raised while running a state: {@code error} is the name Retry/Catch match on (an AWS
 * name such as {@code States.TaskFailed}, or whatever a task or Fail state raised), {@code cause}
 * the human-readable detail. Either may be null, as with a bare Fail state.
 */
public final class StateFailedException extends RuntimeException {
    private final String error;
    private final String failureCause;
    private final boolean terminal;

    public StateFailedException(String error, String cause) {
        this(error, cause, false);
    }

    private StateFailedException(String error, String cause, boolean terminal) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.failureCause = cause;
        this.terminal = terminal;
    }

    /** A States.Runtime error the engine itself raises: it ends the execution, whatever Catch says. */
    public static StateFailedException runtime(String cause) {
        return new StateFailedException(ErrorNames.RUNTIME, cause, true);
    }

    /** The same error with another cause (e.g. prefixed with where it happened), still terminal if it was. */
    public StateFailedException withCause(String cause) {
        return new StateFailedException(error, cause, terminal);
    }

    /** A States.DataLimitExceeded the engine raises when a state's output is too large. */
    public static StateFailedException dataLimit(String cause) {
        return new StateFailedException(ErrorNames.DATA_LIMIT_EXCEEDED, cause, true);
    }

    public String error() {
        return error;
    }

    public String failureCause() {
        return failureCause;
    }

    /**
     * Engine-raised States.Runtime and States.DataLimitExceeded end the execution: AWS lets no Retry or
     * Catch match them. The same names reported by a task (a TaskFailed event) are ordinary errors.
     */
    public boolean terminal() {
        return terminal;
    }
}
