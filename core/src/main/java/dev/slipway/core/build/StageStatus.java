package dev.slipway.core.build;

/** The state of one stage of a build (one ECS/Docker task, or a deploy to one environment). */
public enum StageStatus {
    PENDING,
    RUNNING,
    WAITING_APPROVAL,
    SUCCEEDED,
    FAILED,
    TIMED_OUT,
    CANCELLED,
    SKIPPED;

    public boolean isTerminal() {
        return switch (this) {
            case SUCCEEDED, FAILED, TIMED_OUT, CANCELLED, SKIPPED -> true;
            case PENDING, RUNNING, WAITING_APPROVAL -> false;
        };
    }
}
