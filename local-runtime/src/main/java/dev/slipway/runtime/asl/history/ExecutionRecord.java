package dev.slipway.runtime.asl.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * What an execution was started with: enough, together with its history, to rebuild it after a
 * restart. {@code definition} is a copy, so updating the state machine does not change open executions.
 */
public record ExecutionRecord(String executionArn, String stateMachineArn, String name, JsonNode definition,
                              String input, Instant startDate, int redriveCount) {
}
