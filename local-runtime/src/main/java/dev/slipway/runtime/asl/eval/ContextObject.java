package dev.slipway.runtime.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.runtime.asl.history.ExecutionRecord;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Builds the context object ({@code $$}, or {@code $states.context} in JSONata) for one state. */
public final class ContextObject {
    private ContextObject() {
    }

    public static ObjectNode build(Scope scope, String stateName, Instant entered, int retryCount, String taskToken) {
        Execution execution = scope.execution();
        ObjectNode root = Json.object();
        root.set("Execution", execution.contextExecution());
        ObjectNode state = root.putObject("State");
        state.put("EnteredTime", iso(entered));
        state.put("Name", stateName);
        state.put("RetryCount", retryCount);
        root.set("StateMachine", execution.contextStateMachine());
        if (taskToken != null) {
            root.putObject("Task").put("Token", taskToken);
        }
        if (scope.mapItem() != null) {
            root.putObject("Map").set("Item", scope.mapItem());
        }
        return root;
    }

    /** {@code $$.Execution}: the same for every state of a run, so built once per run (and per redrive). */
    static ObjectNode execution(Execution execution) {
        ExecutionRecord record = execution.record();
        ObjectNode exec = Json.object();
        exec.put("Id", record.executionArn());
        exec.set("Input", execution.input());
        exec.put("Name", record.name());
        exec.put("RoleArn", "arn:aws:iam::000000000000:role/slipway-local");
        exec.put("StartTime", iso(record.startDate()));
        exec.put("RedriveCount", execution.redriveCount());
        return exec;
    }

    static ObjectNode stateMachine(ExecutionRecord record) {
        ObjectNode machine = Json.object();
        machine.put("Id", record.stateMachineArn());
        machine.put("Name", record.stateMachineArn().substring(record.stateMachineArn().lastIndexOf(':') + 1));
        return machine;
    }

    /** AWS prints context times with millisecond precision, e.g. 2024-01-01T00:00:00.123Z. */
    public static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    static JsonNode mapItem(int index, JsonNode value) {
        ObjectNode item = Json.object();
        item.put("Index", index);
        item.set("Value", value);
        return item;
    }
}
