package dev.slipway.runtime.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.runtime.asl.history.HistoryEvent;
import dev.slipway.runtime.asl.history.HistoryEventType;
import dev.slipway.runtime.asl.model.MapState;
import java.util.concurrent.CompletableFuture;

/**
 * Map: runs the item processor once per item, at most MaxConcurrency at a time (0 = no limit), each
 * iteration in its own variable scope with {@code $$.Map.Item}. Results keep item order. Without a
 * tolerated-failure setting the first failed iteration fails the state with its error; with one, the
 * state fails with States.ExceedToleratedFailureThreshold once failures pass it.
 */
final class MapRunner implements StateRunner<MapState> {
    private final Interpreter interpreter;

    MapRunner(Interpreter interpreter) {
        this.interpreter = interpreter;
    }

    @Override
    public CompletableFuture<Outcome> work(MapState state, StateCall call) {
        if (!state.itemReader().isMissingNode() || !state.resultWriter().isMissingNode()) {
            // Both read from and write to S3, which the embedded runtime does not have: say so, do not ignore them.
            throw StateFailedException.runtime("The Map state's " + (state.itemReader().isMissingNode() ? "ResultWriter"
                    : "ItemReader") + " is not supported by Slipway's local engine (it has no S3): pass the items in the"
                    + " state input (ItemsPath/Items) and keep results in the state output");
        }
        ArrayNode items = MapSettings.items(state, call);
        MapSettings settings = MapSettings.of(state, call);
        ArrayNode inputs = Json.NODES.arrayNode();
        for (int i = 0; i < items.size(); i++) {
            inputs.add(itemInput(state, call, i, items.get(i)));
        }
        ArrayNode batched = settings.batch(inputs, state, call);
        Scope scope = call.scope();
        java.util.Map<Integer, JsonNode> recorded = recordedIterations(state, call);
        if (call.resume() == null) {
            ObjectNode started = Json.object();
            started.put("length", batched.size());
            scope.execution().append(HistoryEventType.MapStateStarted, started, scope.path(), null);
        }
        long resumedEntry = call.resume() != null ? call.resume().entered().id() : -1;
        CompletableFuture<Outcome> outcome = new MapIterations(interpreter, state, scope, batched, items, settings,
                recorded, resumedEntry).start();
        return outcome.whenComplete((value, error) -> scope.execution().append(error == null
                ? HistoryEventType.MapStateSucceeded : HistoryEventType.MapStateFailed, null, scope.path(), null));
    }

    /**
     * Outputs of this Map's iterations that already succeeded in an earlier run of the same entry: after
     * a restart (the entry being resumed), or on a redrive (the unfinished entry before ExecutionRedriven).
     * Those iterations are not run again.
     */
    private static java.util.Map<Integer, JsonNode> recordedIterations(MapState state, StateCall call) {
        java.util.Map<Integer, JsonNode> recorded = new java.util.HashMap<>();
        java.util.List<HistoryEvent> events = call.execution().events();
        long since = call.resume() != null ? call.resume().entered().id() : redrivenEntry(state, call, events);
        if (since < 0) {
            return recorded;
        }
        for (HistoryEvent event : events) {
            if (event.id() > since && event.type() == HistoryEventType.MapIterationSucceeded && event.internal() != null
                    && event.scope().equals(call.scope().path())
                    && event.details().path("name").asText().equals(state.name())) {
                recorded.put(event.details().path("index").asInt(), Json.parse(event.internal()));
            }
        }
        return recorded;
    }

    private static long redrivenEntry(MapState state, StateCall call, java.util.List<HistoryEvent> events) {
        boolean redriven = false;
        for (int i = (int) call.enteredEventId() - 2; i >= 0; i--) {
            HistoryEvent event = events.get(i);
            boolean same = event.scope().equals(call.scope().path()) && event.details().path("name").asText().equals(state.name());
            if (event.type() == HistoryEventType.ExecutionRedriven) {
                redriven = true;
            } else if (same && event.type() == HistoryEventType.MapStateExited) {
                return -1;
            } else if (same && event.type() == HistoryEventType.MapStateEntered) {
                return redriven ? event.id() : -1;
            }
        }
        return -1;
    }

    private static JsonNode itemInput(MapState state, StateCall call, int index, JsonNode value) {
        JsonNode selector = state.itemSelector();
        if (selector.isMissingNode()) {
            return value;
        }
        ObjectNode context = call.context().deepCopy();
        context.putObject("Map").set("Item", ContextObject.mapItem(index, value));
        if (call.jsonata()) {
            ObjectNode states = call.states().deepCopy();
            states.set("context", context);
            return JsonataEvaluator.resolve(selector, "ItemSelector", states, call.scope().variables());
        }
        return PayloadTemplate.resolve(selector, call.effective(), context, call.scope().variables());
    }

    @Override
    public boolean appliesParameters() {
        return false;
    }
}
