package dev.slipway.runtime.asl.integration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletionStage;

/**
 * A Task resource the engine can call.
 *
 * <p>Contract: {@link #invoke} returns at once (it must not block the engine thread) with a stage
 * that completes with the task's result, or exceptionally with a
 * {@link dev.slipway.runtime.asl.eval.StateFailedException} carrying the AWS error name and cause.
 * For {@code .waitForTaskToken} resources the result is ignored: the stage only reports whether the
 * hand-off worked. Called concurrently for different executions.
 */
public interface TaskIntegration {

    boolean handles(String resource);

    CompletionStage<JsonNode> invoke(TaskRequest request);
}
