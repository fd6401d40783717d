package dev.slipway.runtime.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSONPath input/output processing (InputPath, ResultPath, OutputPath, Assign) and JSONata Assign. */
final class DataFlow {
    static final int MAX_PAYLOAD_BYTES = 256 * 1024;

    private DataFlow() {
    }

    /** InputPath and OutputPath: absent keeps the value, null gives {}, a path selects. */
    static JsonNode filter(JsonNode path, JsonNode value, JsonNode context, Variables variables) {
        if (path.isMissingNode()) {
            return value;
        }
        if (path.isNull()) {
            return Json.object();
        }
        try {
            return Paths.select(path.asText(), value, context, variables);
        } catch (PathMissingException e) {
            throw StateFailedException.runtime("Invalid path '" + path.asText() + "' : " + e.getMessage());
        }
    }

    /** ResultPath: absent puts the result in place of the input, null keeps the input, a path merges. */
    static JsonNode merge(JsonNode resultPath, JsonNode raw, JsonNode result) {
        if (resultPath.isMissingNode()) {
            return result;
        }
        if (resultPath.isNull()) {
            return raw;
        }
        try {
            return Paths.put(raw, resultPath.asText(), result);
        } catch (PathMissingException e) {
            throw StateFailedException.runtime("Invalid path '" + resultPath.asText() + "' : " + e.getMessage());
        }
    }

    /** Evaluates an Assign block without applying it: AWS assigns only after the whole state succeeds. */
    static Map<String, JsonNode> assignments(JsonNode assign, boolean jsonata, JsonNode value, JsonNode context,
                                             ObjectNode states, Variables variables) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (assign.isMissingNode() || assign.isNull()) {
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = assign.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (jsonata) {
                out.put(e.getKey(), JsonataEvaluator.resolve(e.getValue(), "Assign/" + e.getKey(), states, variables));
            } else {
                ObjectNode single = Json.object();
                single.set(e.getKey(), e.getValue());
                JsonNode resolved = PayloadTemplate.resolve(single, value, context, variables);
                resolved.fields().forEachRemaining(r -> out.put(r.getKey(), r.getValue()));
            }
        }
        return out;
    }

    /** Returns the output as JSON text (for the history) after checking it against the 256 KiB limit. */
    static String checkSize(String stateName, JsonNode output) {
        String text = Json.write(output);
        // UTF-8 takes at most 3 bytes per UTF-16 unit, so only long texts need the exact count.
        if (text.length() * 3L > MAX_PAYLOAD_BYTES && text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            throw StateFailedException.dataLimit("The state/task '" + stateName
                    + "' returned a result with a size exceeding the maximum number of bytes service limit.");
        }
        return text;
    }

    /** States.Runtime and query errors say which state failed and where it was entered, as AWS's do. */
    static StateFailedException locate(StateFailedException e, String stateName, long enteredEventId) {
        boolean locatable = ErrorNames.RUNTIME.equals(e.error()) || ErrorNames.QUERY_EVALUATION.equals(e.error());
        String cause = e.failureCause();
        if (!locatable || cause != null && cause.startsWith("An error occurred while executing the state")) {
            return e;
        }
        return e.withCause("An error occurred while executing the state '" + stateName
                + "' (entered at the event id #" + enteredEventId + "). " + cause);
    }

    static ObjectNode errorOutput(StateFailedException e) {
        ObjectNode out = Json.object();
        if (e.error() != null) {
            out.put("Error", e.error());
        }
        if (e.failureCause() != null) {
            out.put("Cause", e.failureCause());
        }
        return out;
    }
}
