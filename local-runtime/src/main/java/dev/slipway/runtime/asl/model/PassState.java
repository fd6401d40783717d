package dev.slipway.runtime.asl.model;

/** {@code "Type": "Pass"}: passes its input (or {@code Result}) to its output. */
public record PassState(StateCommon common) implements State {
}
