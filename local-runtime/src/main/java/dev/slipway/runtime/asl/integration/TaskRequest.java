package dev.slipway.runtime.asl.integration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One call of a Task state's resource. {@code taskToken} is set for {@code .waitForTaskToken}
 * resources: the integration passes it on, and the state completes when SendTaskSuccess/Failure
 * arrives with it, not when {@link TaskIntegration#invoke} completes.
 */
public record TaskRequest(String resource, JsonNode input, String stateName, String executionArn,
                          String taskToken, JsonNode context) {
}
