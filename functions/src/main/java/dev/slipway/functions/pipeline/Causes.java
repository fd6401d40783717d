package dev.slipway.functions.pipeline;

import com.fasterxml.jackson.databind.JsonNode;

/** Error causes as people should read them. */
final class Causes {

    private Causes() {
    }

    /**
     * A failed Lambda call reaches the state machine with a JSON cause
     * ({@code {"errorMessage": ..., "errorType": ...}}); its message is what people need.
     */
    static String readable(String cause) {
        if (cause == null || !cause.startsWith("{")) {
            return cause == null ? "" : cause;
        }
        try {
            JsonNode node = JsonFunction.JSON.readTree(cause);
            return node.hasNonNull("errorMessage") ? node.get("errorMessage").asText() : cause;
        } catch (java.io.IOException e) {
            return cause;
        }
    }
}
