package dev.slipway.runtime.asl.model;

/** {@code "Type": "Succeed"}: ends the execution (or branch) successfully. */
public record SucceedState(StateCommon common) implements State {
}
