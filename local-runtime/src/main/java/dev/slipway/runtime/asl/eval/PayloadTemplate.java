package dev.slipway.runtime.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * JSONPath payload templates ({@code Parameters}, {@code ResultSelector}, {@code ItemSelector},
 * {@code Assign}): a key ending in {@code .$} takes its value from a path, the context object, a
 * variable or an intrinsic function, and loses the {@code .$} suffix.
 */
public final class PayloadTemplate {
    private PayloadTemplate() {
    }

    public static JsonNode resolve(JsonNode template, JsonNode input, JsonNode context, Variables variables) {
        if (template.isObject()) {
            ObjectNode out = Json.object();
            for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = field.getKey();
                if (key.endsWith(".$")) {
                    out.set(key.substring(0, key.length() - 2), dynamic(key, field.getValue(), input, context, variables));
                } else {
                    out.set(key, resolve(field.getValue(), input, context, variables));
                }
            }
            return out;
        }
        if (template.isArray()) {
            ArrayNode out = Json.NODES.arrayNode();
            template.forEach(item -> out.add(resolve(item, input, context, variables)));
            return out;
        }
        return template;
    }

    private static JsonNode dynamic(String key, JsonNode value, JsonNode input, JsonNode context, Variables variables) {
        if (!value.isTextual()) {
            throw StateFailedException.runtime("The value of the field '" + key
                    + "' must be a JSONPath, a context path, a variable or an intrinsic function, but was "
                    + Json.write(value));
        }
        String expression = value.asText();
        if (IntrinsicParser.looksLikeCall(expression)) {
            return Intrinsics.evaluate(expression, input, context, variables);
        }
        try {
            return Paths.select(expression, input, context, variables);
        } catch (PathMissingException e) {
            JsonNode source = expression.startsWith("$$") ? context : input;
            throw StateFailedException.runtime("The JSONPath '" + expression + "' specified for the field '" + key
                    + "' could not be found in the input '" + Json.write(source) + "'");
        }
    }
}
