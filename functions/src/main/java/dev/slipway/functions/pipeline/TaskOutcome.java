package dev.slipway.functions.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalInt;

/**
 * What a stage's ECS task description says: Step Functions returns DescribeTasks' task with
 * PascalCase keys ({@code TaskArn}, {@code Containers[].ExitCode}); the embedded engine's port uses
 * the SDK's camelCase. Both are read, so the record function works in either shape.
 */
record TaskOutcome(String taskArn, OptionalInt exitCode, String stoppedReason) {

    static TaskOutcome of(JsonNode task) {
        String arn = field(task, "taskArn").asText("");
        OptionalInt exit = OptionalInt.empty();
        for (JsonNode container : field(task, "containers")) {
            JsonNode code = field(container, "exitCode");
            boolean essential = field(container, "essential").asBoolean(true);
            if (code.isNumber() && essential && (exit.isEmpty() || code.asInt() != 0)) {
                exit = OptionalInt.of(code.asInt());
            }
        }
        return new TaskOutcome(arn, exit, field(task, "stoppedReason").asText(""));
    }

    /** The task description inside a States.TaskFailed cause, or an empty outcome when the cause is not one. */
    static TaskOutcome fromCause(String cause) {
        try {
            JsonNode node = JsonFunction.JSON.readTree(cause);
            return node != null && node.isObject() ? of(node) : new TaskOutcome("", OptionalInt.empty(), "");
        } catch (java.io.IOException e) {
            return new TaskOutcome("", OptionalInt.empty(), "");
        }
    }

    private static JsonNode field(JsonNode node, String camel) {
        JsonNode value = node.path(camel);
        return value.isMissingNode() ? node.path(Character.toUpperCase(camel.charAt(0)) + camel.substring(1)) : value;
    }
}
