package dev.slipway.runtime.asl.model;

/** One state of a state machine: a closed set, one record per ASL state type. */
public sealed interface State
        permits PassState, TaskState, ChoiceState, WaitState, SucceedState, FailState, ParallelState, MapState {

    StateCommon common();

    default String name() {
        return common().name();
    }
}
