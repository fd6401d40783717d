package dev.slipway.runtime.asl.eval;

/** Execution statuses, spelled as the Step Functions API reports them. */
public enum ExecutionStatus {
    RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE;

    public boolean open() {
        return this == RUNNING;
    }
}
