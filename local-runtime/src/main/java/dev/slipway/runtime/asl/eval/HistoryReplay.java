package dev.slipway.runtime.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.runtime.asl.history.HistoryEvent;
import dev.slipway.runtime.asl.history.HistoryEventType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a recorded history back into where one scope stands (the top level, or one Map iteration):
 * the variables assigned so far, the state that was entered but not exited (with the token it was
 * parked on), the last exit, and the closing event if there is one.
 */
final class HistoryReplay {
    private final String scope;
    private final Variables variables;
    private HistoryEvent openState;
    private String parkedToken;
    private HistoryEvent lastExited;
    private HistoryEvent closing;
    private int redrives;
    private java.time.Instant lastRedrive;

    private HistoryReplay(String scope, Variables variables) {
        this.scope = scope;
        this.variables = variables;
    }

    /** Where the top level stands. */
    static HistoryReplay of(List<HistoryEvent> events) {
        return of(events, "", Variables.root());
    }

    /** Where the states of {@code scope} stand; what they assigned goes into {@code variables}. */
    static HistoryReplay of(List<HistoryEvent> events, String scope, Variables variables) {
        HistoryReplay replay = new HistoryReplay(scope, variables);
        events.forEach(replay::apply);
        return replay;
    }

    private void apply(HistoryEvent event) {
        if (!event.scope().equals(scope)) {
            return;
        }
        HistoryEventType type = event.type();
        if (type.closesExecution()) {
            closing = event;
            return;
        }
        if (type == HistoryEventType.ExecutionRedriven) {
            closing = null;
            redrives++;
            lastRedrive = event.timestamp();
            return;
        }
        if (type.isStateEntered()) {
            openState = event;
            parkedToken = null;
        } else if (type.isStateExited()) {
            openState = null;
            parkedToken = null;
            lastExited = event;
            assign(event.details().path("assignedVariables"));
        } else if (type == HistoryEventType.TaskScheduled) {
            parkedToken = event.internal();
        } else if (type == HistoryEventType.TaskSucceeded || type == HistoryEventType.TaskFailed
                || type == HistoryEventType.TaskTimedOut) {
            parkedToken = null;
        }
    }

    /**
     * The tokens of .waitForTaskToken tasks still parked, in every scope (Map iterations too): a
     * TaskScheduled with a token and no task end or state exit after it in its scope.
     */
    static List<String> parkedTokens(List<HistoryEvent> events) {
        Map<String, String> byScope = new LinkedHashMap<>();
        for (HistoryEvent event : events) {
            HistoryEventType type = event.type();
            if (type == HistoryEventType.TaskScheduled && event.internal() != null) {
                byScope.put(event.scope(), event.internal());
            } else if (type == HistoryEventType.TaskSucceeded || type == HistoryEventType.TaskFailed
                    || type == HistoryEventType.TaskTimedOut || type.isStateExited()) {
                byScope.remove(event.scope());
            }
        }
        return List.copyOf(byScope.values());
    }

    private void assign(JsonNode assigned) {
        if (assigned.isObject()) {
            Map<String, JsonNode> values = new LinkedHashMap<>();
            assigned.fields().forEachRemaining(e -> values.put(e.getKey(), Json.parse(e.getValue().asText())));
            variables.assignAll(values);
        }
    }

    void applyClosing(Execution execution) {
        JsonNode details = closing.details();
        java.time.Instant at = closing.timestamp();
        switch (closing.type()) {
            case ExecutionSucceeded -> execution.closeAt(at, ExecutionStatus.SUCCEEDED,
                    Json.parse(details.path("output").asText()), null, null);
            case ExecutionFailed -> execution.closeAt(at, ExecutionStatus.FAILED, null, text(details, "error"), text(details, "cause"));
            case ExecutionAborted -> execution.closeAt(at, ExecutionStatus.ABORTED, null, text(details, "error"), text(details, "cause"));
            default -> execution.closeAt(at, ExecutionStatus.TIMED_OUT, null, text(details, "error"), text(details, "cause"));
        }
    }

    void applyRedrives(Execution execution) {
        if (redrives > 0) {
            execution.restoreRedrives(redrives, lastRedrive);
        }
    }

    private static String text(JsonNode details, String field) {
        return details.has(field) ? details.get(field).asText() : null;
    }

    Variables variables() {
        return variables;
    }

    HistoryEvent openState() {
        return openState;
    }

    String parkedToken() {
        return parkedToken;
    }

    HistoryEvent lastExited() {
        return lastExited;
    }

    HistoryEvent closing() {
        return closing;
    }
}
