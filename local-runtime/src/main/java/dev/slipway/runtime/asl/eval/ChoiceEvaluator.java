package dev.slipway.runtime.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.runtime.asl.model.ChoiceRule;
import dev.slipway.runtime.asl.model.ComparisonOperator;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Evaluates Choice rules. As in AWS, a comparison between values of different types is simply
 * false (it is not an error), and only {@code IsPresent} may look at a path that selects nothing.
 */
public final class ChoiceEvaluator {
    private final JsonNode input;
    private final JsonNode context;
    private final Variables variables;

    public ChoiceEvaluator(JsonNode input, JsonNode context, Variables variables) {
        this.input = input;
        this.context = context;
        this.variables = variables;
    }

    public boolean matches(ChoiceRule rule) {
        if (rule instanceof ChoiceRule.And and) {
            return and.rules().stream().allMatch(this::matches);
        }
        if (rule instanceof ChoiceRule.Or or) {
            return or.rules().stream().anyMatch(this::matches);
        }
        if (rule instanceof ChoiceRule.Not not) {
            return !matches(not.rule());
        }
        if (rule instanceof ChoiceRule.Comparison comparison) {
            return compare(comparison);
        }
        throw new IllegalStateException("JSONata conditions are evaluated by the Choice state, not here: " + rule);
    }

    private boolean compare(ChoiceRule.Comparison c) {
        ComparisonOperator op = c.operator();
        if (op == ComparisonOperator.IsPresent) {
            return Paths.present(c.variable(), input, context, variables) == c.value().asBoolean();
        }
        JsonNode value;
        try {
            value = Paths.select(c.variable(), input, context, variables);
        } catch (PathMissingException e) {
            throw StateFailedException.runtime("Invalid path '" + c.variable()
                    + "': The choice state's condition path references an invalid value.");
        }
        JsonNode expected = c.value();
        if (c.valueIsPath()) {
            try {
                expected = Paths.select(c.value().asText(), input, context, variables);
            } catch (PathMissingException e) {
                throw StateFailedException.runtime("Invalid path '" + c.value().asText()
                        + "': The choice state's condition path references an invalid value.");
            }
        }
        return test(op, value, expected);
    }

    static boolean test(ComparisonOperator op, JsonNode value, JsonNode expected) {
        return switch (op) {
            case IsNull -> value.isNull() == expected.asBoolean();
            case IsNumeric -> value.isNumber() == expected.asBoolean();
            case IsString -> value.isTextual() == expected.asBoolean();
            case IsBoolean -> value.isBoolean() == expected.asBoolean();
            case IsTimestamp -> (value.isTextual() && Timestamps.parse(value.asText()).isPresent()) == expected.asBoolean();
            case BooleanEquals -> value.isBoolean() && expected.isBoolean() && value.asBoolean() == expected.asBoolean();
            case StringMatches -> value.isTextual() && expected.isTextual() && wildcard(value.asText(), expected.asText());
            case StringEquals, StringLessThan, StringGreaterThan, StringLessThanEquals, StringGreaterThanEquals ->
                    value.isTextual() && expected.isTextual() && order(op, value.asText().compareTo(expected.asText()));
            case NumericEquals, NumericLessThan, NumericGreaterThan, NumericLessThanEquals, NumericGreaterThanEquals ->
                    value.isNumber() && expected.isNumber() && order(op, value.decimalValue().compareTo(expected.decimalValue()));
            default -> timestamps(op, value, expected);
        };
    }

    private static boolean timestamps(ComparisonOperator op, JsonNode value, JsonNode expected) {
        if (!value.isTextual() || !expected.isTextual()) {
            return false;
        }
        Optional<OffsetDateTime> a = Timestamps.parse(value.asText());
        Optional<OffsetDateTime> b = Timestamps.parse(expected.asText());
        return a.isPresent() && b.isPresent() && order(op, a.get().toInstant().compareTo(b.get().toInstant()));
    }

    private static boolean order(ComparisonOperator op, int cmp) {
        String name = op.name();
        if (name.endsWith("LessThanEquals")) {
            return cmp <= 0;
        }
        if (name.endsWith("GreaterThanEquals")) {
            return cmp >= 0;
        }
        if (name.endsWith("LessThan")) {
            return cmp < 0;
        }
        if (name.endsWith("GreaterThan")) {
            return cmp > 0;
        }
        return cmp == 0;
    }

    /** StringMatches: {@code *} matches any run of characters; {@code \*} and {@code \\} are literal. */
    static boolean wildcard(String text, String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(java.util.regex.Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '*') {
                regex.append(".*");
            } else {
                regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return text.matches("(?s)" + regex);
    }
}
