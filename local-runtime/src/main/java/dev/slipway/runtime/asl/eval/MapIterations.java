package dev.slipway.runtime.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.runtime.asl.history.HistoryEvent;
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
    private final java.util.Map<Integer, JsonNode> recorded;
    private final long resumedEntry;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private int launched;
    private int finished;
    private int failed;

    /**
     * {@code recorded}: outputs of iterations that succeeded before a restart; they are not run again.
     * {@code resumedEntry}: the id of this Map's StateEntered when it is resumed after a restart (else -1);
     * an iteration that had started then continues where its states stood instead of from its start.
     */
    MapIterations(Interpreter interpreter, MapState state, Scope scope, ArrayNode inputs, ArrayNode items,
                  MapSettings settings, java.util.Map<Integer, JsonNode> recorded, long resumedEntry) {
        this.recorded = recorded;
        this.resumedEntry = resumedEntry;
        this.interpreter = interpreter;
        this.state = state;
        this.scope = scope;
        this.inputs = inputs;
        this.items = items;
        this.settings = settings;
        this.results = new JsonNode[inputs.size()];
    }

    CompletableFuture<Outcome> start() {
        recorded.forEach((index, value) -> results[index] = value);
        finished = recorded.size();
        if (finished == inputs.size()) {
            complete();
            return outcome;
        }
        int limit = settings.maxConcurrency() == 0 ? inputs.size() : settings.maxConcurrency();
        java.util.List<Integer> toLaunch = new java.util.ArrayList<>();
        synchronized (this) {
            while (toLaunch.size() < limit) {
                Integer next = nextIndex();
                if (next == null) {
                    break;
                }
                toLaunch.add(next);
            }
        }
        toLaunch.forEach(this::launch);
        return outcome;
    }

    /** The next iteration to launch, skipping recorded ones; null when all are launched. Call holding the lock. */
    private Integer nextIndex() {
        while (launched < inputs.size() && recorded.containsKey(launched)) {
            launched++;
        }
        return launched < inputs.size() ? launched++ : null;
    }

    private void complete() {
        ArrayNode all = Json.NODES.arrayNode();
        for (JsonNode r : results) {
            all.add(r);
        }
        outcome.complete(Outcome.of(all));
    }

    private void launch(int index) {
        ObjectNode started = Json.object();
        started.put("name", state.name());
        started.put("index", index);
        JsonNode item = index < items.size() && inputs.size() == items.size() ? items.get(index) : inputs.get(index);
        Scope iteration = scope.child(state.name() + "/" + index, ContextObject.mapItem(index, item));
        java.util.List<HistoryEvent> before = recordedIn(iteration);
        interpreter.executor().execute(() -> {
            CompletableFuture<JsonNode> run;
            if (before.isEmpty()) {
                try {
                    scope.execution().append(HistoryEventType.MapIterationStarted, started, scope.path(), null);
                } catch (java.util.concurrent.CancellationException closed) {
                    return;
                }
                run = interpreter.run(state.processor(), inputs.get(index), iteration);
            } else {
                HistoryReplay replay = HistoryReplay.of(before, iteration.path(), iteration.variables());
                run = interpreter.continueFrom(state.processor(), replay, inputs.get(index), iteration);
            }
            run.whenComplete((value, error) -> done(index, value, error, started));
        });
    }

    /** What this iteration recorded before a restart, when this Map is being resumed (else nothing). */
    private java.util.List<HistoryEvent> recordedIn(Scope iteration) {
        if (resumedEntry < 0) {
            return java.util.List.of();
        }
        return scope.execution().events().stream()
                .filter(e -> e.id() > resumedEntry && e.scope().equals(iteration.path())).toList();
    }

    private void done(int index, JsonNode value, Throwable error, ObjectNode details) {
        StateFailedException failure = error == null ? null : StateTemplate.unwrap(error);
        // The output rides along as engine-only data, so a restart does not run a finished iteration again.
        scope.execution().append(error == null ? HistoryEventType.MapIterationSucceeded
                : HistoryEventType.MapIterationFailed, details.deepCopy(), scope.path(), error == null ? Json.write(value) : null);
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
            next = nextIndex();
            if (next == null && finished == inputs.size()) {
                complete();
            }
        }
        if (next != null) {
            launch(next);
        }
    }
}
