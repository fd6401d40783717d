package dev.slipway.runtime.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A set of states with a start: the state machine itself, a Parallel branch or a Map's item
 * processor. {@code states} keeps definition order.
 */
public record Program(String startAt, Map<String, State> states, QueryLanguage queryLanguage, JsonNode timeoutSeconds) {

    public State state(String name) {
        return states.get(name);
    }
}
