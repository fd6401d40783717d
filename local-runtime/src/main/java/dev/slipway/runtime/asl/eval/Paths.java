package dev.slipway.runtime.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSONPath as AWS evaluates it. AWS Step Functions uses Jayway JsonPath, so this does too: its
 * "No results for path: $['x']" and "Missing property in path $['x']" messages are the ones AWS
 * quotes in States.Runtime causes. {@code $$...} reads the context object and {@code $name...} a variable.
 */
public final class Paths {
    private static final Configuration JAYWAY = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
            .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
            .build();
    private static final Map<String, JsonPath> COMPILED = new ConcurrentHashMap<>();

    private Paths() {
    }

    /** Selects {@code path} from the input, the context object or a variable; throws when nothing matches. */
    public static JsonNode select(String path, JsonNode input, JsonNode context, Variables variables) {
        if (path.startsWith("$$")) {
            return read(context, "$" + path.substring(2));
        }
        if (path.length() > 1 && path.charAt(0) == '$' && path.charAt(1) != '.' && path.charAt(1) != '[') {
            int end = 1;
            while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                end++;
            }
            String name = path.substring(1, end);
            JsonNode value = variables == null ? null : variables.get(name);
            if (value == null) {
                throw new PathMissingException("The variable '" + name + "' is not defined");
            }
            return read(value, "$" + path.substring(end));
        }
        return read(input, path);
    }

    public static JsonNode read(JsonNode document, String path) {
        if (path.equals("$")) {
            return document;
        }
        JsonNode simple = readFieldChain(document, path);
        if (simple != null) {
            return simple;
        }
        try {
            JsonPath compiled = COMPILED.computeIfAbsent(path, JsonPath::compile);
            Object value = compiled.read(document, JAYWAY);
            return value instanceof JsonNode node ? node : Json.MAPPER.valueToTree(value);
        } catch (PathNotFoundException e) {
            // An indefinite path (wildcard, slice, filter) that matches nothing selects an empty list in AWS.
            if (!JsonPath.isPathDefinite(path)) {
                return Json.NODES.arrayNode();
            }
            throw new PathMissingException(e.getMessage());
        } catch (InvalidPathException e) {
            throw new PathMissingException("Invalid path: " + e.getMessage());
        }
    }

    /**
     * The common case, a chain of field names ({@code $.a.b}, {@code $['a']}), read directly: faster, and
     * bracket names are taken literally as AWS takes them (Jayway would unescape a backslash). Returns
     * null to leave anything else (wildcards, slices, filters, indexes, non-object steps) to Jayway;
     * a missing field gets Jayway's own messages.
     */
    private static JsonNode readFieldChain(JsonNode document, String path) {
        if (path.indexOf('*') >= 0 || path.indexOf('?') >= 0 || path.indexOf('@') >= 0 || path.indexOf('(') >= 0
                || path.indexOf(':') >= 0 || path.contains("..") || path.indexOf(',') >= 0) {
            return null;
        }
        List<Object> steps;
        try {
            steps = referenceSteps(path);
        } catch (RuntimeException e) {
            return null;
        }
        StringBuilder walked = new StringBuilder("$");
        JsonNode current = document;
        for (int i = 0; i < steps.size(); i++) {
            if (!(steps.get(i) instanceof String field) || !current.isObject()) {
                return null;
            }
            walked.append("['").append(field).append("']");
            JsonNode next = current.get(field);
            if (next == null) {
                if (i == steps.size() - 1) {
                    throw new PathMissingException("No results for path: " + walked);
                }
                throw new PathMissingException("Missing property in path " + walked);
            }
            current = next;
        }
        return current;
    }

    /** Whether {@code path} selects something (Choice's IsPresent). */
    public static boolean present(String path, JsonNode input, JsonNode context, Variables variables) {
        try {
            JsonNode value = select(path, input, context, variables);
            return !(value.isArray() && value.isEmpty() && !JsonPath.isPathDefinite(path.replace("$$", "$")))
                    && !value.isMissingNode();
        } catch (PathMissingException e) {
            return false;
        }
    }

    /**
     * Writes {@code value} into a copy of {@code input} at a reference path ({@code ResultPath}),
     * creating objects on the way as AWS does. {@code $} replaces the input entirely.
     */
    public static JsonNode put(JsonNode input, String path, JsonNode value) {
        List<Object> steps = referenceSteps(path);
        if (steps.isEmpty()) {
            return value;
        }
        JsonNode root = input.isObject() || input.isArray() ? input.deepCopy() : Json.object();
        JsonNode current = root;
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            boolean last = i == steps.size() - 1;
            if (step instanceof String field) {
                if (!(current instanceof ObjectNode object)) {
                    throw new PathMissingException("Unable to set the value at '" + path + "': '" + field
                            + "' is not inside an object");
                }
                if (last) {
                    object.set(field, value);
                } else {
                    JsonNode nextNode = object.get(field);
                    if (nextNode == null || !(nextNode.isObject() || nextNode.isArray())) {
                        nextNode = object.putObject(field);
                    }
                    current = nextNode;
                }
            } else {
                int index = (Integer) step;
                if (!(current instanceof ArrayNode array) || index >= array.size()) {
                    throw new PathMissingException("Unable to set the value at '" + path + "': index " + index
                            + " does not exist");
                }
                if (last) {
                    array.set(index, value);
                } else {
                    current = array.get(index);
                }
            }
        }
        return root;
    }

    /** Splits a reference path ({@code $.a['b'][0]}) into field names and indexes. */
    static List<Object> referenceSteps(String path) {
        if (!path.startsWith("$")) {
            throw new PathMissingException("Invalid path '" + path + "': a reference path starts with '$'");
        }
        List<Object> steps = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                steps.add(path.substring(i + 1, end));
                i = end;
            } else if (c == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    throw new PathMissingException("Invalid path '" + path + "': unclosed '['");
                }
                String inner = path.substring(i + 1, close).trim();
                if (inner.startsWith("'") || inner.startsWith("\"")) {
                    steps.add(inner.substring(1, inner.length() - 1));
                } else {
                    steps.add(Integer.parseInt(inner));
                }
                i = close + 1;
            } else {
                throw new PathMissingException("Invalid path '" + path + "': unexpected '" + c + "'");
            }
        }
        return steps;
    }

    static JsonNode missing() {
        return MissingNode.getInstance();
    }
}
