package dev.slipway.runtime.asl.model;

import java.util.List;

/** {@code "Type": "Parallel"}: runs every branch on the same input; output is the array of results. */
public record ParallelState(StateCommon common, List<Program> branches) implements State {
}
