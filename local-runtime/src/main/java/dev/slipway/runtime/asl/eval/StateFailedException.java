package dev.slipway.runtime.asl.eval;

/**
 * An ASL error raised while running a state: {@code error} is the name Retry/Catch match on (an AWS
 * name such as {@code States.TaskFailed}, or whatever a task or Fail state raised), {@code cause}
 * the human-readable detail. Either may be null, as with a bare Fail state.
 */
public final class StateFailedException extends RuntimeException {
    private final String error;
    private final String failureCause;

    public StateFailedException(String error, String cause) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.failureCause = cause;
    }

    public static StateFailedException runtime(String cause) {
        return new StateFailedException(ErrorNames.RUNTIME, cause);
    }

    public String error() {
        return error;
    }

    public String failureCause() {
        return failureCause;
    }

    /** States.Runtime and States.DataLimitExceeded end the execution: AWS lets no Retry or Catch match them. */
    public boolean terminal() {
        return ErrorNames.RUNTIME.equals(error) || ErrorNames.DATA_LIMIT_EXCEEDED.equals(error)
               ;
    }
}
