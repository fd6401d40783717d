package dev.slipway.runtime.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        java.util.Map<Integer, JsonNode> recorded = recordedIterations(call);
        if (call.resume() == null) {
            ObjectNode started = Json.object();
            started.put("length", batched.size());
            scope.execution().append(HistoryEventType.MapStateStarted, started, scope.path(), null);
        }
        CompletableFuture<Outcome> outcome = new MapIterations(interpreter, state, scope, batched, items, settings,
                recorded).start();
        return outcome.whenComplete((value, error) -> scope.execution().append(error == null
                ? HistoryEventType.MapStateSucceeded : HistoryEventType.MapStateFailed, null, scope.path(), null));
    }

    /** After a restart: the outputs of this Map's iterations that had already succeeded. */
    private static java.util.Map<Integer, JsonNode> recordedIterations(StateCall call) {
        java.util.Map<Integer, JsonNode> recorded = new java.util.HashMap<>();
        if (call.resume() == null) {
            return recorded;
        }
        long since = call.resume().entered().id();
        for (dev.slipway.runtime.asl.history.HistoryEvent event : call.execution().events()) {
            if (event.id() > since && event.type() == HistoryEventType.MapIterationSucceeded
                    && event.scope().equals(call.scope().path()) && event.internal() != null) {
                recorded.put(event.details().path("index").asInt(), Json.parse(event.internal()));
            }
        }
        return recorded;
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
