package dev.slipway.runtime.asl.conformance;

import com.fasterxml.jackson.databind.JsonNode;

/** How an execution ended, in the shape of a case's {@code expected}. */
record CaseResult(String status, JsonNode output, String error, String cause) {
}
