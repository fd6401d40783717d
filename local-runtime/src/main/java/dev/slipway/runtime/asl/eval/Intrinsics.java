package dev.slipway.runtime.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The {@code States.*} intrinsic functions, with AWS's argument rules; misuse raises States.IntrinsicFailure. */
public final class Intrinsics {
    private static final Map<String, String> HASHES = Map.of("MD5", "MD5", "SHA-1", "SHA-1", "SHA-256", "SHA-256",
            "SHA-384", "SHA-384", "SHA-512", "SHA-512");

    private Intrinsics() {
    }

    public static JsonNode evaluate(String expression, JsonNode input, JsonNode context, Variables variables) {
        return eval(IntrinsicParser.parse(expression), input, context, variables);
    }

    private static JsonNode eval(IntrinsicParser.Arg arg, JsonNode input, JsonNode context, Variables variables) {
        if (arg instanceof IntrinsicParser.Literal literal) {
            return literal.value();
        }
        if (arg instanceof IntrinsicParser.PathArg path) {
            try {
                return Paths.select(path.path(), input, context, variables);
            } catch (PathMissingException e) {
                throw failure("The JsonPath argument '" + path.path() + "' could not be found: " + e.getMessage());
            }
        }
        IntrinsicParser.Call call = (IntrinsicParser.Call) arg;
        List<JsonNode> args = new ArrayList<>();
        for (IntrinsicParser.Arg a : call.args()) {
            args.add(eval(a, input, context, variables));
        }
        return apply(call.name(), args);
    }

    static JsonNode apply(String name, List<JsonNode> args) {
        return switch (name) {
            case "States.Format" -> format(args);
            case "States.StringToJson" -> stringToJson(string(name, args, 0, 1));
            case "States.JsonToString" -> Json.NODES.textNode(Json.write(arg(name, args, 0, 1)));
            case "States.Array" -> Json.NODES.arrayNode().addAll(args);
            case "States.ArrayPartition" -> partition(array(name, args, 0, 2), integer(name, args, 1));
            case "States.ArrayContains" -> Json.NODES.booleanNode(contains(array(name, args, 0, 2), args.get(1)));
            case "States.ArrayRange" -> range(name, args);
            case "States.ArrayGetItem" -> getItem(array(name, args, 0, 2), integer(name, args, 1));
            case "States.ArrayLength" -> Json.NODES.numberNode(array(name, args, 0, 1).size());
            case "States.ArrayUnique" -> unique(array(name, args, 0, 1));
            case "States.Base64Encode" -> Json.NODES.textNode(Base64.getEncoder()
                    .encodeToString(string(name, args, 0, 1).getBytes(StandardCharsets.UTF_8)));
            case "States.Base64Decode" -> base64Decode(string(name, args, 0, 1));
            case "States.Hash" -> hash(args);
            case "States.JsonMerge" -> merge(name, args);
            case "States.MathRandom" -> random(name, args);
            case "States.MathAdd" -> Json.NODES.numberNode(rounded(name, args, 0) + rounded(name, args, 1));
            case "States.StringSplit" -> split(string(name, args, 0, 2), string(name, args, 1, 2));
            case "States.UUID" -> Json.NODES.textNode(UUID.randomUUID().toString());
            default -> throw failure("The intrinsic function '" + name + "' does not exist");
        };
    }

    private static JsonNode format(List<JsonNode> args) {
        if (args.isEmpty() || !args.get(0).isTextual()) {
            throw failure("States.Format needs a template string as its first argument");
        }
        String template = args.get(0).asText();
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length()) {
                out.append(template.charAt(++i));
            } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                if (next >= args.size()) {
                    throw failure("States.Format has more {} placeholders than arguments");
                }
                JsonNode value = args.get(next++);
                out.append(formatted(value));
                i++;
            } else {
                out.append(c);
            }
        }
        if (next != args.size()) {
            throw failure("States.Format has more arguments than {} placeholders");
        }
        return Json.NODES.textNode(out.toString());
    }

    /** AWS prints objects and arrays in States.Format the way Java prints maps and lists: {a=1, b=[]}. */
    private static String formatted(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isObject()) {
            StringBuilder out = new StringBuilder("{");
            value.fields().forEachRemaining(e -> out.append(out.length() > 1 ? ", " : "").append(e.getKey()).append('=')
                    .append(formatted(e.getValue())));
            return out.append('}').toString();
        }
        if (value.isArray()) {
            StringBuilder out = new StringBuilder("[");
            value.forEach(v -> out.append(out.length() > 1 ? ", " : "").append(formatted(v)));
            return out.append(']').toString();
        }
        return Json.write(value);
    }

    private static JsonNode stringToJson(String text) {
        if (text.isBlank()) {
            return Json.NODES.nullNode();
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw failure("States.StringToJson could not parse '" + text + "' as JSON");
        }
    }

    private static JsonNode partition(ArrayNode array, long size) {
        if (size <= 0) {
            throw failure("States.ArrayPartition needs a chunk size greater than 0, got " + size);
        }
        ArrayNode out = Json.NODES.arrayNode();
        ArrayNode chunk = null;
        for (JsonNode item : array) {
            if (chunk == null || chunk.size() == size) {
                chunk = out.addArray();
            }
            chunk.add(item);
        }
        return out;
    }

    private static boolean contains(ArrayNode array, JsonNode value) {
        for (JsonNode item : array) {
            if (JsonEquality.equal(item, value)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode range(String name, List<JsonNode> args) {
        if (args.size() != 3) {
            throw failure(name + " takes 3 arguments (start, end, step), got " + args.size());
        }
        long start = integer(name, args, 0);
        long end = integer(name, args, 1);
        long step = integer(name, args, 2);
        if (step == 0) {
            throw failure(name + " needs a step other than 0");
        }
        ArrayNode out = Json.NODES.arrayNode();
        for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
            if (out.size() == 1000) {
                throw failure(name + " may return at most 1000 items");
            }
            out.add(v);
        }
        return out;
    }

    private static JsonNode getItem(ArrayNode array, long index) {
        if (index < 0 || index >= array.size()) {
            throw failure("States.ArrayGetItem index " + index + " is out of bounds for an array of " + array.size());
        }
        return array.get((int) index);
    }

    private static JsonNode unique(ArrayNode array) {
        ArrayNode out = Json.NODES.arrayNode();
        for (JsonNode item : array) {
            if (!contains(out, item)) {
                out.add(item);
            }
        }
        return out;
    }

    private static JsonNode base64Decode(String text) {
        try {
            return Json.NODES.textNode(new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw failure("States.Base64Decode could not decode '" + text + "': " + e.getMessage());
        }
    }

    private static JsonNode hash(List<JsonNode> args) {
        if (args.size() != 2) {
            throw failure("States.Hash takes 2 arguments (data, algorithm), got " + args.size());
        }
        String algorithm = args.get(1).asText();
        if (!HASHES.containsKey(algorithm)) {
            throw failure("States.Hash supports MD5, SHA-1, SHA-256, SHA-384 and SHA-512, not '" + algorithm + "'");
        }
        JsonNode data = args.get(0);
        String text = data.isTextual() ? data.asText() : Json.write(data);
        try {
            byte[] digest = MessageDigest.getInstance(HASHES.get(algorithm)).digest(text.getBytes(StandardCharsets.UTF_8));
            return Json.NODES.textNode(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks " + algorithm, e);
        }
    }

    private static JsonNode merge(String name, List<JsonNode> args) {
        if (args.size() != 3 || !args.get(0).isObject() || !args.get(1).isObject()) {
            throw failure(name + " takes two objects and a boolean (deep merge)");
        }
        if (args.get(2).asBoolean()) {
            throw failure(name + " supports only shallow merge: pass false as the third argument");
        }
        ObjectNode out = args.get(0).deepCopy();
        out.setAll((ObjectNode) args.get(1));
        return out;
    }

    private static JsonNode random(String name, List<JsonNode> args) {
        if (args.size() < 2 || args.size() > 3) {
            throw failure(name + " takes (start, end) or (start, end, seed)");
        }
        long start = integer(name, args, 0);
        long end = integer(name, args, 1);
        Random random = args.size() == 3 ? new Random(integer(name, args, 2)) : ThreadLocalRandom.current();
        return Json.NODES.numberNode(start + (long) (random.nextDouble() * (end - start)));
    }

    private static JsonNode split(String text, String delimiters) {
        ArrayNode out = Json.NODES.arrayNode();
        StringBuilder current = new StringBuilder();
        Set<Character> splitOn = new LinkedHashSet<>();
        delimiters.chars().forEach(c -> splitOn.add((char) c));
        for (char c : text.toCharArray()) {
            if (splitOn.contains(c)) {
                if (current.length() > 0) {
                    out.add(current.toString());
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }

    private static JsonNode arg(String name, List<JsonNode> args, int index, int arity) {
        if (args.size() != arity) {
            throw failure(name + " takes " + arity + " argument(s), got " + args.size());
        }
        return args.get(index);
    }

    private static String string(String name, List<JsonNode> args, int index, int arity) {
        JsonNode value = arg(name, args, index, arity);
        if (!value.isTextual()) {
            throw failure(name + " argument " + (index + 1) + " must be a string, got " + Json.typeName(value));
        }
        return value.asText();
    }

    private static ArrayNode array(String name, List<JsonNode> args, int index, int arity) {
        JsonNode value = arg(name, args, index, arity);
        if (!value.isArray()) {
            throw failure(name + " argument " + (index + 1) + " must be an array, got " + Json.typeName(value));
        }
        return (ArrayNode) value;
    }

    private static long integer(String name, List<JsonNode> args, int index) {
        if (index >= args.size()) {
            throw failure(name + " is missing argument " + (index + 1));
        }
        JsonNode value = args.get(index);
        if (value.isIntegralNumber() || value.isNumber() && value.asDouble() == Math.rint(value.asDouble())) {
            return value.asLong();
        }
        throw failure(name + " argument " + (index + 1) + " must be an integer, got " + Json.write(value));
    }

    /** MathAdd takes any numbers and rounds each half up first, as AWS does (1.5 → 2, -1.5 → -1). */
    private static long rounded(String name, List<JsonNode> args, int index) {
        if (args.size() != 2) {
            throw failure(name + " takes 2 arguments, got " + args.size());
        }
        JsonNode value = args.get(index);
        if (!value.isNumber()) {
            throw failure(name + " argument " + (index + 1) + " must be a number, got " + Json.write(value));
        }
        return Math.round(value.asDouble());
    }

    private static StateFailedException failure(String cause) {
        return new StateFailedException(ErrorNames.INTRINSIC_FAILURE, cause);
    }
}
