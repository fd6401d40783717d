package dev.slipway.runtime.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** {@code "Type": "Choice"}: the first matching rule picks the next state, else {@code Default}. */
public record ChoiceState(StateCommon common, List<Branch> choices, String defaultNext) implements State {

    /** One entry of {@code Choices}: its rule, where it leads, and what it assigns/outputs (JSONata). */
    public record Branch(ChoiceRule rule, String next, JsonNode assign, JsonNode output) {
    }
}
