package dev.slipway.runtime.asl.model;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code "Type": "Wait"}: exactly one of the four ways of saying how long. */
public record WaitState(StateCommon common, JsonNode seconds, String secondsPath, JsonNode timestamp, String timestampPath)
        implements State {
}
