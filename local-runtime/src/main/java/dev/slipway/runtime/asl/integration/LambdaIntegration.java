package dev.slipway.runtime.asl.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.runtime.asl.eval.Json;
import dev.slipway.runtime.asl.eval.StateFailedException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Lambda, in process: a plain function ARN ({@code arn:aws:lambda:...:function:NAME}) gets the state's
 * payload and returns its result; {@code arn:aws:states:::lambda:invoke} takes
 * {@code {FunctionName, Payload}} and returns AWS's envelope {@code {Payload, StatusCode, ExecutedVersion}}.
 * A function's exception becomes the error named by its class, with a Lambda-shaped JSON cause.
 */
public final class LambdaIntegration implements TaskIntegration {
    private static final String INVOKE = "arn:aws:states:::lambda:invoke";
    private final Map<String, LambdaFunction> functions = new ConcurrentHashMap<>();
    private final Executor executor;

    public LambdaIntegration(Executor executor) {
        this.executor = executor;
    }

    public LambdaIntegration register(String functionName, LambdaFunction function) {
        functions.put(functionName, function);
        return this;
    }

    @Override
    public boolean handles(String resource) {
        return resource.startsWith("arn:aws:lambda:") || resource.equals(INVOKE) || resource.equals(INVOKE + ".waitForTaskToken");
    }

    @Override
    public CompletionStage<JsonNode> invoke(TaskRequest request) {
        boolean envelope = request.resource().startsWith(INVOKE);
        String name = functionName(envelope ? request.input().path("FunctionName").asText() : request.resource());
        LambdaFunction function = functions.get(name);
        if (function == null) {
            return CompletableFuture.failedFuture(new StateFailedException("Lambda.ResourceNotFoundException",
                    "Function not found: " + name + " (register it with LambdaIntegration.register(\"" + name + "\", ...))"));
        }
        JsonNode payload = envelope ? request.input().path("Payload") : request.input();
        return CompletableFuture.supplyAsync(() -> call(function, payload), executor)
                .thenApply(result -> envelope ? wrap(result) : result);
    }

    private static JsonNode call(LambdaFunction function, JsonNode payload) {
        try {
            return function.handle(payload.isMissingNode() ? Json.NODES.nullNode() : payload);
        } catch (Exception e) {
            ObjectNode cause = Json.object();
            cause.put("errorMessage", String.valueOf(e.getMessage()));
            cause.put("errorType", e.getClass().getSimpleName());
            throw new StateFailedException(e.getClass().getSimpleName(), Json.write(cause));
        }
    }

    private static JsonNode wrap(JsonNode result) {
        ObjectNode out = Json.object();
        out.put("ExecutedVersion", "$LATEST");
        out.set("Payload", result);
        out.put("StatusCode", 200);
        return out;
    }

    /** {@code NAME}, {@code NAME:qualifier} or a function ARN → NAME. */
    static String functionName(String reference) {
        String ref = reference;
        int function = ref.indexOf(":function:");
        if (function >= 0) {
            ref = ref.substring(function + ":function:".length());
        }
        int colon = ref.indexOf(':');
        return colon >= 0 ? ref.substring(0, colon) : ref;
    }
}
