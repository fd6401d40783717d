package dev.slipway.runtime.asl.history;

/**
 * AWS Step Functions history event types, each with the name of the details field AWS puts its
 * data in (null when the event carries none).
 */
public enum HistoryEventType {
    ExecutionStarted("executionStartedEventDetails"),
    ExecutionSucceeded("executionSucceededEventDetails"),
    ExecutionFailed("executionFailedEventDetails"),
    ExecutionAborted("executionAbortedEventDetails"),
    ExecutionTimedOut("executionTimedOutEventDetails"),
    ExecutionRedriven("executionRedrivenEventDetails"),
    PassStateEntered("stateEnteredEventDetails"), PassStateExited("stateExitedEventDetails"),
    TaskStateEntered("stateEnteredEventDetails"), TaskStateExited("stateExitedEventDetails"),
    ChoiceStateEntered("stateEnteredEventDetails"), ChoiceStateExited("stateExitedEventDetails"),
    WaitStateEntered("stateEnteredEventDetails"), WaitStateExited("stateExitedEventDetails"),
    SucceedStateEntered("stateEnteredEventDetails"), SucceedStateExited("stateExitedEventDetails"),
    FailStateEntered("stateEnteredEventDetails"),
    ParallelStateEntered("stateEnteredEventDetails"), ParallelStateExited("stateExitedEventDetails"),
    ParallelStateStarted(null), ParallelStateSucceeded(null), ParallelStateFailed(null), ParallelStateAborted(null),
    MapStateEntered("stateEnteredEventDetails"), MapStateExited("stateExitedEventDetails"),
    MapStateStarted("mapStateStartedEventDetails"), MapStateSucceeded(null), MapStateFailed(null), MapStateAborted(null),
    MapIterationStarted("mapIterationStartedEventDetails"), MapIterationSucceeded("mapIterationSucceededEventDetails"),
    MapIterationFailed("mapIterationFailedEventDetails"), MapIterationAborted("mapIterationAbortedEventDetails"),
    TaskScheduled("taskScheduledEventDetails"), TaskStarted("taskStartedEventDetails"),
    TaskSubmitted("taskSubmittedEventDetails"), TaskSucceeded("taskSucceededEventDetails"),
    TaskFailed("taskFailedEventDetails"), TaskTimedOut("taskTimedOutEventDetails"),
    LambdaFunctionScheduled("lambdaFunctionScheduledEventDetails"), LambdaFunctionStarted(null),
    LambdaFunctionSucceeded("lambdaFunctionSucceededEventDetails"), LambdaFunctionFailed("lambdaFunctionFailedEventDetails"),
    LambdaFunctionTimedOut("lambdaFunctionTimedOutEventDetails");

    private final String detailsField;

    HistoryEventType(String detailsField) {
        this.detailsField = detailsField;
    }

    public String detailsField() {
        return detailsField;
    }

    /** {@code PassStateEntered} for a Pass state, and so on. */
    public static HistoryEventType entered(String stateType) {
        return valueOf(stateType + "StateEntered");
    }

    public static HistoryEventType exited(String stateType) {
        return valueOf(stateType + "StateExited");
    }

    public boolean isStateEntered() {
        return name().endsWith("StateEntered");
    }

    public boolean isStateExited() {
        return name().endsWith("StateExited");
    }

    public boolean closesExecution() {
        return this == ExecutionSucceeded || this == ExecutionFailed || this == ExecutionAborted || this == ExecutionTimedOut;
    }
}
