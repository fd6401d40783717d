package dev.slipway.runtime.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parses Choice rules, reporting a rule without (or with two) comparison operators by its pointer. */
final class ChoiceRuleParser {
    private final Problems problems;

    ChoiceRuleParser(Problems problems) {
        this.problems = problems;
    }

    ChoiceRule parse(JsonNode node, String pointer, boolean jsonata) {
        if (jsonata && node.has("Condition")) {
            return new ChoiceRule.Condition(node.get("Condition"));
        }
        if (node.has("And")) {
            return new ChoiceRule.And(list(node.get("And"), pointer + "/And", jsonata));
        }
        if (node.has("Or")) {
            return new ChoiceRule.Or(list(node.get("Or"), pointer + "/Or", jsonata));
        }
        if (node.has("Not")) {
            return new ChoiceRule.Not(parse(node.get("Not"), pointer + "/Not", jsonata));
        }
        return comparison(node, pointer);
    }

    private List<ChoiceRule> list(JsonNode array, String pointer, boolean jsonata) {
        List<ChoiceRule> rules = new ArrayList<>();
        if (!array.isArray() || array.isEmpty()) {
            problems.schema(pointer, "The value must be a non-empty array of rules");
            return rules;
        }
        for (int i = 0; i < array.size(); i++) {
            rules.add(parse(array.get(i), pointer + "/" + i, jsonata));
        }
        return rules;
    }

    private ChoiceRule comparison(JsonNode node, String pointer) {
        JsonNode variable = node.get("Variable");
        ChoiceRule.Comparison found = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (key.equals("Variable") || key.equals("Next") || key.equals("Comment")
                    || key.equals("Assign") || key.equals("Output")) {
                continue;
            }
            Optional<ComparisonOperator> op = ComparisonOperator.fromKey(key);
            if (op.isEmpty()) {
                problems.schema(pointer + "/" + key, "The field \"" + key + "\" is not a supported comparison operator");
            } else if (found != null) {
                problems.schema(pointer, "A Choice rule must have exactly one comparison operator");
            } else {
                found = new ChoiceRule.Comparison(variable == null ? null : variable.asText(),
                        op.get(), field.getValue(), !op.get().name().equals(key));
            }
        }
        if (found == null) {
            problems.schema(pointer, "A Choice rule needs a comparison operator, or And/Or/Not");
        } else if (variable == null || !variable.isTextual()) {
            problems.schema(pointer + "/Variable", "The field \"Variable\" is required and must be a path");
        }
        return found;
    }
}
