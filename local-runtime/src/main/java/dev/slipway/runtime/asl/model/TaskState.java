package dev.slipway.runtime.asl.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code "Type": "Task"}: calls the integration named by {@code Resource}. Timeouts are raw JSON
 * because JSONata states may give them as {@code {% %}} expressions.
 */
public record TaskState(
        StateCommon common,
        String resource,
        JsonNode timeoutSeconds,
        String timeoutSecondsPath,
        JsonNode heartbeatSeconds,
        String heartbeatSecondsPath,
        JsonNode credentials) implements State {
}
