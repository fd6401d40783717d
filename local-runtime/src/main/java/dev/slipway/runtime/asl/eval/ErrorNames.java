package dev.slipway.runtime.asl.eval;

/** The error names AWS Step Functions raises (and one of the local engine), spelled as Retry/Catch match them. */
public final class ErrorNames {
    public static final String ALL = "States.ALL";
    public static final String RUNTIME = "States.Runtime";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String TIMEOUT = "States.Timeout";
    public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
    public static final String QUERY_EVALUATION = "States.QueryEvaluationError";
    public static final String BRANCH_FAILED = "States.BranchFailed";
    public static final String EXCEED_TOLERATED_FAILURE = "States.ExceedToleratedFailureThreshold";
    public static final String ITEM_READER_FAILED = "States.ItemReaderFailed";
    /**
     * The local engine's own: a task was running when the engine stopped, so its result was lost. A
     * Retry on exactly this name runs such a task again without retrying real failures; States.TaskFailed
     * and States.ALL match it too.
     */
    public static final String TASK_INTERRUPTED = "Slipway.TaskInterrupted";

    private ErrorNames() {
    }
}
