package dev.slipway.runtime.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The work of a state: its result, and for Choice the chosen branch's next state and its own
 * Assign/Output templates (missing nodes when the state's own apply).
 */
public record Outcome(JsonNode result, String next, JsonNode assign, JsonNode output) {

    public static Outcome of(JsonNode result) {
        return new Outcome(result, null, MissingNode.getInstance(), MissingNode.getInstance());
    }
}
