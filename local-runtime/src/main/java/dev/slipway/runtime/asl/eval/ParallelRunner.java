package dev.slipway.runtime.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.slipway.runtime.asl.history.HistoryEventType;
import dev.slipway.runtime.asl.model.ParallelState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Parallel: every branch runs on the payload in its own variable scope; the result is the array of
 * branch outputs in branch order. The first branch failure fails the state with that error.
 */
final class ParallelRunner implements StateRunner<ParallelState> {
    private final Interpreter interpreter;

    ParallelRunner(Interpreter interpreter) {
        this.interpreter = interpreter;
    }

    @Override
    public CompletableFuture<Outcome> work(ParallelState state, StateCall call) {
        Scope scope = call.scope();
        scope.execution().append(HistoryEventType.ParallelStateStarted, null, scope.path(), null);
        List<CompletableFuture<JsonNode>> branches = new ArrayList<>();
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        for (int i = 0; i < state.branches().size(); i++) {
            Scope branchScope = scope.child(state.name() + "/branch" + i, scope.mapItem());
            CompletableFuture<JsonNode> branch = new CompletableFuture<>();
            int index = i;
            interpreter.executor().execute(() -> interpreter.run(state.branches().get(index), call.payload(), branchScope)
                    .whenComplete((value, error) -> {
                        if (error != null) {
                            branch.completeExceptionally(error);
                            outcome.completeExceptionally(error);
                        } else {
                            branch.complete(value);
                        }
                    }));
            branches.add(branch);
        }
        CompletableFuture.allOf(branches.toArray(CompletableFuture[]::new)).whenComplete((ignored, error) -> {
            if (error == null) {
                ArrayNode result = Json.NODES.arrayNode();
                branches.forEach(b -> result.add(b.join()));
                outcome.complete(Outcome.of(result));
            }
        });
        return outcome.whenComplete((value, error) -> scope.execution().append(error == null
                ? HistoryEventType.ParallelStateSucceeded : HistoryEventType.ParallelStateFailed, null, scope.path(), null));
    }
}
