package dev.slipway.runtime.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.runtime.asl.model.MapState;

/** A Map state's items, concurrency, tolerated failures and batching, resolved for one run. */
record MapSettings(int maxConcurrency, Long toleratedCount, Double toleratedPercentage) {

    static ArrayNode items(MapState state, StateCall call) {
        if (call.jsonata()) {
            if (state.items().isMissingNode()) {
                return array(call.raw(), () -> new StateFailedException(ErrorNames.QUERY_EVALUATION,
                        "Map state input must be an array but was: " + Json.write(call.raw())));
            }
            JsonNode value = JsonataEvaluator.resolve(state.items(), "Items", call.states(), call.scope().variables());
            return array(value, () -> new StateFailedException(ErrorNames.QUERY_EVALUATION, "The JSONata expression '"
                    + (JsonataEvaluator.isExpression(state.items()) ? JsonataEvaluator.expressionOf(state.items())
                    : Json.write(state.items())) + "' specified for the field 'Items' returned an unexpected result type."
                    + " Expected 'array', but was '" + Json.typeName(value) + "' for value: " + Json.write(value)));
        }
        JsonNode value = DataFlow.filter(state.itemsPath(), call.effective(), call.context(), call.scope().variables());
        return array(value, () -> StateFailedException.runtime("Map state input must be an array but was: "
                + Json.write(value)));
    }

    private static ArrayNode array(JsonNode value, java.util.function.Supplier<StateFailedException> error) {
        if (!value.isArray()) {
            throw error.get();
        }
        return (ArrayNode) value;
    }

    static MapSettings of(MapState state, StateCall call) {
        JsonNode concurrency = value(state.maxConcurrency(), state.maxConcurrencyPath(), "MaxConcurrency", call);
        JsonNode count = value(state.toleratedFailureCount(), state.toleratedFailureCountPath(), "ToleratedFailureCount", call);
        JsonNode percentage = value(state.toleratedFailurePercentage(), state.toleratedFailurePercentagePath(),
                "ToleratedFailurePercentage", call);
        int max = concurrency == null ? 0 : (int) integer(concurrency, "MaxConcurrencyPath", state.maxConcurrencyPath());
        Long tolerated = count == null ? null : integer(count, "ToleratedFailureCountPath", state.toleratedFailureCountPath());
        if (tolerated != null && tolerated < 0) {
            throw StateFailedException.runtime("ToleratedFailureCount cannot be negative.");
        }
        Double percent = null;
        if (percentage != null) {
            if (percentage.isTextual() && percentage.asText().matches("-?\\d+(\\.\\d+)?")) {
                percentage = Json.NODES.numberNode(Double.parseDouble(percentage.asText()));
            }
            if (!percentage.isNumber()) {
                throw StateFailedException.runtime("The ToleratedFailurePercentagePath field refers to value \""
                        + text(percentage) + "\" which is not a valid float: " + state.toleratedFailurePercentagePath());
            }
            percent = percentage.asDouble();
            if (percent < 0 || percent > 100) {
                throw StateFailedException.runtime("ToleratedFailurePercentage must be between 0 and 100.");
            }
        }
        return new MapSettings(max, tolerated, percent);
    }

    private static JsonNode value(JsonNode literal, String path, String field, StateCall call) {
        if (call.jsonata() && JsonataEvaluator.isExpression(literal)) {
            return JsonataEvaluator.resolve(literal, field, call.states(), call.scope().variables());
        }
        if (path != null) {
            try {
                return Paths.select(path, call.effective(), call.context(), call.scope().variables());
            } catch (PathMissingException e) {
                throw StateFailedException.runtime("Invalid path '" + path + "' : " + e.getMessage());
            }
        }
        return literal.isMissingNode() || literal.isNull() ? null : literal;
    }

    private static long integer(JsonNode value, String field, String path) {
        if (value.isTextual() && value.asText().matches("-?\\d+")) {
            return Long.parseLong(value.asText());
        }
        if (!value.isIntegralNumber()) {
            throw StateFailedException.runtime("The " + field + " field refers to value \"" + text(value)
                    + "\" which is not a valid integer: " + path);
        }
        return value.asLong();
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : Json.write(value);
    }

    boolean toleranceSet() {
        return toleratedCount != null || toleratedPercentage != null;
    }

    boolean tolerates(int failed, int total) {
        if (!toleranceSet()) {
            return false;
        }
        boolean countOk = toleratedCount == null || failed <= toleratedCount;
        boolean percentOk = toleratedPercentage == null || failed * 100.0 / total <= toleratedPercentage;
        return toleratedCount != null && toleratedPercentage != null ? countOk || percentOk
                : toleratedCount != null ? countOk : percentOk;
    }

    /** ItemBatcher: groups items as {"Items": [...]} plus BatchInput; without one, items pass as they are. */
    ArrayNode batch(ArrayNode inputs, MapState state, StateCall call) {
        JsonNode batcher = state.itemBatcher();
        if (batcher.isMissingNode()) {
            return inputs;
        }
        long size = batcher.path("MaxItemsPerBatch").asLong(Long.MAX_VALUE);
        if (batcher.has("MaxItemsPerBatchPath")) {
            size = Paths.select(batcher.get("MaxItemsPerBatchPath").asText(), call.effective(), call.context(),
                    call.scope().variables()).asLong();
        }
        JsonNode batchInput = batcher.has("BatchInput")
                ? PayloadTemplate.resolve(batcher.get("BatchInput"), call.effective(), call.context(), call.scope().variables())
                : null;
        ArrayNode batches = Json.NODES.arrayNode();
        ObjectNode current = null;
        for (JsonNode input : inputs) {
            if (current == null || current.get("Items").size() >= size) {
                current = batches.addObject();
                if (batchInput != null) {
                    current.set("BatchInput", batchInput);
                }
                current.putArray("Items");
            }
            ((ArrayNode) current.get("Items")).add(input);
        }
        return batches;
    }
}
