package dev.slipway.core.task;

/** How a task ended. */
public enum TaskStatus {
    /** every essential container exited 0 */
    SUCCEEDED,
    /** an essential container exited non-zero, or could never start because a dependency failed */
    FAILED,
    /** the task ran longer than its timeout and was stopped */
    TIMED_OUT,
    /** the task was stopped through its {@link CancelToken} */
    CANCELLED,
    /** the task could not run as specified: missing image, unreachable daemon, unhealthy service, ... */
    ERROR
}
