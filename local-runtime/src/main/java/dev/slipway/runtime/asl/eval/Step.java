package dev.slipway.runtime.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;

/** What a state hands on: its output, and the next state's name (null where the program ends). */
public record Step(JsonNode output, String next) {
}
