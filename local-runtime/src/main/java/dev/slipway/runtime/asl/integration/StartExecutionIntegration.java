package dev.slipway.runtime.asl.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.runtime.asl.Engine;
import dev.slipway.runtime.asl.RequestRejectedException;
import dev.slipway.runtime.asl.eval.ContextObject;
import dev.slipway.runtime.asl.eval.Execution;
import dev.slipway.runtime.asl.eval.ExecutionStatus;
import dev.slipway.runtime.asl.eval.Json;
import dev.slipway.runtime.asl.eval.StateFailedException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code arn:aws:states:::states:startExecution} (and {@code .sync}, {@code .sync:2}): starts a child
 * execution of this engine. {@code .sync} waits for it: success returns AWS's describe shape (Output as
 * a string, or as JSON with {@code .sync:2}); any other end fails with States.TaskFailed.
 */
public final class StartExecutionIntegration implements TaskIntegration {
    private static final String START = "arn:aws:states:::states:startExecution";
    private final Engine engine;

    public StartExecutionIntegration(Engine engine) {
        this.engine = engine;
    }

    @Override
    public boolean handles(String resource) {
        return resource.equals(START) || resource.equals(START + ".sync") || resource.equals(START + ".sync:2");
    }

    @Override
    public CompletionStage<JsonNode> invoke(TaskRequest request) {
        JsonNode input = request.input();
        JsonNode childInput = input.path("Input");
        Execution child;
        try {
            child = engine.startExecution(input.path("StateMachineArn").asText(null),
                    input.hasNonNull("Name") ? input.get("Name").asText() : null,
                    childInput.isMissingNode() ? "{}" : childInput.isTextual() ? childInput.asText() : Json.write(childInput));
        } catch (RequestRejectedException e) {
            return CompletableFuture.failedFuture(new StateFailedException("StepFunctions." + e.code() + "Exception", e.getMessage()));
        }
        if (!request.resource().contains(".sync")) {
            ObjectNode started = Json.object();
            started.put("ExecutionArn", child.arn());
            started.put("StartDate", ContextObject.iso(child.record().startDate()));
            return CompletableFuture.completedFuture(started);
        }
        boolean jsonOutput = request.resource().endsWith(":2");
        return child.done().thenApply(done -> {
            ObjectNode result = describe(done, jsonOutput);
            if (done.status() != ExecutionStatus.SUCCEEDED) {
                throw new StateFailedException("States.TaskFailed", Json.write(result));
            }
            return result;
        });
    }

    private static ObjectNode describe(Execution child, boolean jsonOutput) {
        ObjectNode out = Json.object();
        out.put("ExecutionArn", child.arn());
        out.put("StateMachineArn", child.record().stateMachineArn());
        out.put("Name", child.record().name());
        out.put("Status", child.status().name());
        out.put("StartDate", ContextObject.iso(child.record().startDate()));
        if (child.stopDate() != null) {
            out.put("StopDate", ContextObject.iso(child.stopDate()));
        }
        out.set("Input", jsonOutput ? Json.parse(child.record().input()) : Json.NODES.textNode(child.record().input()));
        if (child.output() != null) {
            out.set("Output", jsonOutput ? child.output() : Json.NODES.textNode(Json.write(child.output())));
        }
        if (child.error() != null) {
            out.put("Error", child.error());
        }
        if (child.cause() != null) {
            out.put("Cause", child.cause());
        }
        return out;
    }
}
