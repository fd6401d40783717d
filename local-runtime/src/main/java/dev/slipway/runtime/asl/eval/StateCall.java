package dev.slipway.runtime.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.runtime.asl.model.State;
import java.time.Instant;

/**
 * One run of one state, as its work sees it: the raw input, the input after InputPath
 * ({@code effective}), the payload after Parameters/Arguments, the context object and, for JSONata,
 * the {@code $states} binding.
 */
public record StateCall(State state, Scope scope, JsonNode raw, JsonNode effective, JsonNode payload,
                        ObjectNode context, ObjectNode states, long enteredEventId, Instant enteredTime,
                        Resume resume) {

    public String name() {
        return state.name();
    }

    public boolean jsonata() {
        return state.common().jsonata();
    }

    public Execution execution() {
        return scope.execution();
    }
}
