package dev.slipway.runtime.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.runtime.asl.history.HistoryEventType;
import dev.slipway.runtime.asl.model.MapState;
import java.util.concurrent.CompletableFuture;

/** The iterations of one Map run: launches up to the concurrency limit and gathers results in order. */
final class MapIterations {
    private final Interpreter interpreter;
    private final MapState state;
    private final Scope scope;
    private final ArrayNode inputs;
    private final ArrayNode items;
    private final MapSettings settings;
    private final JsonNode[] results;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private int launched;
    private int finished;
    private int failed;

    MapIterations(Interpreter interpreter, MapState state, Scope scope, ArrayNode inputs, ArrayNode items,
                  MapSettings settings) {
        this.interpreter = interpreter;
        this.state = state;
        this.scope = scope;
        this.inputs = inputs;
        this.items = items;
        this.settings = settings;
        this.results = new JsonNode[inputs.size()];
    }

    CompletableFuture<Outcome> start() {
        if (inputs.isEmpty()) {
            outcome.complete(Outcome.of(Json.NODES.arrayNode()));
            return outcome;
        }
        int first = settings.maxConcurrency() == 0 ? inputs.size() : Math.min(settings.maxConcurrency(), inputs.size());
        int[] toLaunch = new int[first];
        synchronized (this) {
            for (int i = 0; i < first; i++) {
                toLaunch[i] = launched++;
            }
        }
        for (int index : toLaunch) {
            launch(index);
        }
        return outcome;
    }

    private void launch(int index) {
        ObjectNode started = Json.object();
        started.put("name", state.name());
        started.put("index", index);
        JsonNode item = index < items.size() && inputs.size() == items.size() ? items.get(index) : inputs.get(index);
        Scope iteration = scope.child(state.name() + "/" + index, ContextObject.mapItem(index, item));
        interpreter.executor().execute(() -> {
            scope.execution().append(HistoryEventType.MapIterationStarted, started, scope.path(), null);
            interpreter.run(state.processor(), inputs.get(index), iteration)
                    .whenComplete((value, error) -> done(index, value, error, started));
        });
    }

    private void done(int index, JsonNode value, Throwable error, ObjectNode details) {
        StateFailedException failure = error == null ? null : StateTemplate.unwrap(error);
        scope.execution().append(error == null ? HistoryEventType.MapIterationSucceeded
                : HistoryEventType.MapIterationFailed, details.deepCopy(), scope.path(), null);
        Integer next = null;
        synchronized (this) {
            if (outcome.isDone()) {
                return;
            }
            finished++;
            if (error != null) {
                failed++;
                if (failure == null) {
                    outcome.completeExceptionally(error);
                    return;
                }
                results[index] = DataFlow.errorOutput(failure);
                if (!settings.tolerates(failed, inputs.size())) {
                    outcome.completeExceptionally(settings.toleranceSet()
                            ? new StateFailedException(ErrorNames.EXCEED_TOLERATED_FAILURE,
                                    "The specified tolerated failure threshold was exceeded")
                            : failure);
                    return;
                }
            } else {
                results[index] = value;
            }
            if (launched < inputs.size()) {
                next = launched++;
            } else if (finished == inputs.size()) {
                ArrayNode all = Json.NODES.arrayNode();
                for (JsonNode r : results) {
                    all.add(r);
                }
                outcome.complete(Outcome.of(all));
            }
        }
        if (next != null) {
            launch(next);
        }
    }
}
