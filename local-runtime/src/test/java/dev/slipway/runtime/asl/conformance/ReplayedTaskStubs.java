package dev.slipway.runtime.asl.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.runtime.asl.eval.StateFailedException;
import dev.slipway.runtime.asl.integration.TaskIntegration;
import dev.slipway.runtime.asl.integration.TaskRequest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Replays a case's recorded task results: the n-th call of a Task state gets the n-th recorded outcome. */
final class ReplayedTaskStubs implements TaskIntegration {
    private final JsonNode stubs;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    ReplayedTaskStubs(JsonNode stubs) {
        this.stubs = stubs;
    }

    @Override
    public boolean handles(String resource) {
        return true;
    }

    @Override
    public CompletionStage<JsonNode> invoke(TaskRequest request) {
        JsonNode outcomes = stubs.path(request.stateName());
        int n = calls.computeIfAbsent(request.stateName(), k -> new AtomicInteger()).getAndIncrement();
        if (n >= outcomes.size()) {
            return CompletableFuture.failedFuture(new IllegalStateException("The case recorded " + outcomes.size()
                    + " call(s) of Task '" + request.stateName() + "', but the engine made call " + (n + 1)));
        }
        JsonNode outcome = outcomes.get(n);
        if (outcome.has("output")) {
            return CompletableFuture.completedFuture(outcome.get("output"));
        }
        return CompletableFuture.failedFuture(new StateFailedException(text(outcome, "error"), text(outcome, "cause")));
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
