package dev.slipway.runtime.asl.eval;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The functions AWS adds to JSONata in Step Functions ($partition, $range, $hash, $random, $uuid,
 * $parse), implemented with the same rules as their States.* intrinsic twins.
 */
final class JsonataFunctions {
    private JsonataFunctions() {
    }

    static void bind(Jsonata.Frame frame) {
        frame.bind("partition", (Jsonata.Fn2<List<Object>, Number, Object>) (array, size) ->
                toJava(Intrinsics.apply("States.ArrayPartition", List.of(toJson(array), toJson(size)))));
        // The library's bind() has typed overloads only up to two arguments; longer ones go through function().
        frame.bind("range", Jsonata.function("range", (Jsonata.FnVarArgs<Object>) args -> {
            List<JsonNode> converted = new ArrayList<>();
            args.forEach(a -> converted.add(toJson(a)));
            // A sequence, as AWS's $range returns: a one-number range is that number, as in the recorded case.
            List<Object> sequence = com.dashjoin.jsonata.Utils.createSequence();
            sequence.addAll((List<?>) toJava(Intrinsics.apply("States.ArrayRange", converted)));
            return sequence;
        }, null));
        frame.bind("hash", (Jsonata.Fn2<Object, String, Object>) (data, algorithm) ->
                toJava(Intrinsics.apply("States.Hash", List.of(toJson(data), Json.NODES.textNode(algorithm)))));
        frame.bind("parse", (Jsonata.Fn1<String, Object>) text ->
                toJava(Intrinsics.apply("States.StringToJson", List.of(Json.NODES.textNode(text)))));
        frame.bind("uuid", (Jsonata.Fn0<Object>) () -> UUID.randomUUID().toString());
        frame.bind("random", Jsonata.function("random", (Jsonata.FnVarArgs<Object>) args -> args.isEmpty()
                || args.get(0) == null ? ThreadLocalRandom.current().nextDouble()
                : new java.util.Random(((Number) args.get(0)).longValue()).nextDouble(), null));
    }

    private static JsonNode toJson(Object value) {
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list);
            return JsonataEvaluator.toJson(copy, "", "");
        }
        return JsonataEvaluator.toJson(value, "", "");
    }

    private static Object toJava(JsonNode node) {
        return JsonataEvaluator.toJava(node);
    }
}
