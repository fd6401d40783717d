package dev.slipway.runtime.asl.model;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code "Type": "Fail"}: fails the execution with an error and cause (literal, path or JSONata). */
public record FailState(StateCommon common, JsonNode error, String errorPath, JsonNode cause, String causePath)
        implements State {
}
