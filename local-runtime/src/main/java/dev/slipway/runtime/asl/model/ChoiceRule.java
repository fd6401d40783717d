package dev.slipway.runtime.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A Choice rule: boolean combinators, one comparison, or a JSONata {@code Condition}. */
public sealed interface ChoiceRule {

    record And(List<ChoiceRule> rules) implements ChoiceRule {
    }

    record Or(List<ChoiceRule> rules) implements ChoiceRule {
    }

    record Not(ChoiceRule rule) implements ChoiceRule {
    }

    /**
     * {@code Variable} compared by {@code operator} with {@code value}; when {@code valueIsPath}
     * the operator was the {@code ...Path} variant and {@code value} holds the path string.
     */
    record Comparison(String variable, ComparisonOperator operator, JsonNode value, boolean valueIsPath)
            implements ChoiceRule {
    }

    record Condition(JsonNode condition) implements ChoiceRule {
    }
}
