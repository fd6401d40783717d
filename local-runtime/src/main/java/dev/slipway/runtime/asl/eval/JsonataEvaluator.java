package dev.slipway.runtime.asl.eval;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSONata ({@code QueryLanguage: JSONata}): a string {@code "{% expr %}"} is evaluated with
 * {@code $states} (input, context, result, errorOutput) and the workflow variables bound; other values
 * are literals, and objects/arrays are templates. Undefined results and engine errors become
 * States.QueryEvaluationError naming the expression and field, as AWS reports them.
 */
public final class JsonataEvaluator {
    private static final Map<String, Jsonata> COMPILED = new ConcurrentHashMap<>();

    private JsonataEvaluator() {
    }

    public static boolean isExpression(JsonNode node) {
        if (!node.isTextual()) {
            return false;
        }
        String text = node.asText();
        return text.startsWith("{%") && text.endsWith("%}") && text.length() >= 4;
    }

    /** Resolves a template; {@code field} names it in errors, e.g. {@code Arguments} or {@code Assign/x}. */
    public static JsonNode resolve(JsonNode template, String field, JsonNode states, Variables variables) {
        if (isExpression(template)) {
            JsonNode value = evaluate(expressionOf(template), states, variables, field);
            if (value.isMissingNode()) {
                throw new StateFailedException(ErrorNames.QUERY_EVALUATION, "The JSONata expression '"
                        + expressionOf(template) + "' specified for the field '" + field + "' returned nothing (undefined).");
            }
            return value;
        }
        if (template.isObject()) {
            ObjectNode out = Json.object();
            for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), resolve(e.getValue(), field + "/" + e.getKey(), states, variables));
            }
            return out;
        }
        if (template.isArray()) {
            ArrayNode out = Json.NODES.arrayNode();
            for (int i = 0; i < template.size(); i++) {
                out.add(resolve(template.get(i), field + "[" + i + "]", states, variables));
            }
            return out;
        }
        return template;
    }

    public static String expressionOf(JsonNode template) {
        String text = template.asText();
        return text.substring(2, text.length() - 2).trim();
    }

    /**
     * Evaluates one expression; MissingNode means JSONata's undefined. The expression is wrapped in
     * an object constructor because the library returns Java null for both null and undefined, while
     * an object keeps a null member and drops an undefined one.
     */
    public static JsonNode evaluate(String expression, JsonNode states, Variables variables, String field) {
        try {
            Jsonata compiled = COMPILED.computeIfAbsent(expression, e -> Jsonata.jsonata("{\"v\": (" + e + "\n)}"));
            Jsonata.Frame frame = compiled.createFrame();
            JsonataFunctions.bind(frame);
            variables.visible().forEach((name, value) -> frame.bind(name, toJava(value)));
            frame.bind("states", toJava(states));
            Map<?, ?> wrapped = (Map<?, ?>) compiled.evaluate(null, frame);
            if (wrapped == null || !wrapped.containsKey("v")) {
                return MissingNode.getInstance();
            }
            Object result = wrapped.get("v");
            return result == null ? Json.NODES.nullNode() : toJson(result, expression, field);
        } catch (StateFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() instanceof StateFailedException f ? f : null;
            if (cause != null) {
                throw (StateFailedException) cause;
            }
            throw new StateFailedException(ErrorNames.QUERY_EVALUATION, "An error occurred while evaluating the JSONata"
                    + " expression '" + expression + "' specified for the field '" + field + "': " + e.getMessage());
        }
    }

    static Object toJava(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        switch (node.getNodeType()) {
            case OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                node.fields().forEachRemaining(e -> map.put(e.getKey(), toJava(e.getValue())));
                return map;
            }
            case ARRAY: {
                List<Object> list = new ArrayList<>(node.size());
                node.forEach(item -> list.add(toJava(item)));
                return list;
            }
            case STRING:
                return node.asText();
            case BOOLEAN:
                return node.asBoolean();
            case NUMBER:
                return node.isIntegralNumber() && node.canConvertToLong() ? (Object) node.asLong() : node.asDouble();
            case NULL:
                return Jsonata.NULL_VALUE;
            default:
                return null;
        }
    }

    static JsonNode toJson(Object value, String expression, String field) {
        if (value == null) {
            return MissingNode.getInstance();
        }
        if (value == Jsonata.NULL_VALUE) {
            return Json.NODES.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode out = Json.object();
            map.forEach((k, v) -> {
                JsonNode child = toJson(v, expression, field);
                if (!child.isMissingNode()) {
                    out.set(String.valueOf(k), child);
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            ArrayNode out = Json.NODES.arrayNode();
            list.forEach(v -> {
                JsonNode child = toJson(v, expression, field);
                if (!child.isMissingNode()) {
                    out.add(child);
                }
            });
            return out;
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) {
            return Json.NODES.numberNode(d.longValue());
        }
        if (value instanceof Number n) {
            return number(n);
        }
        if (value instanceof String || value instanceof Boolean) {
            return Json.MAPPER.valueToTree(value);
        }
        throw new StateFailedException(ErrorNames.QUERY_EVALUATION, "The JSONata expression '" + expression
                + "' specified for the field '" + field + "' returned an unsupported result type.");
    }

    private static JsonNode number(Number n) {
        if (n instanceof BigDecimal bd) {
            return Json.NODES.numberNode(bd);
        }
        if (n instanceof BigInteger bi) {
            return Json.NODES.numberNode(bi);
        }
        if (n instanceof Double || n instanceof Float) {
            return Json.NODES.numberNode(n.doubleValue());
        }
        return Json.NODES.numberNode(n.longValue());
    }
}
