package dev.slipway.runtime.asl.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.runtime.asl.Engine;
import dev.slipway.runtime.asl.RequestRejectedException;
import dev.slipway.runtime.asl.eval.Execution;
import dev.slipway.runtime.asl.eval.ExecutionStatus;
import dev.slipway.runtime.asl.eval.Json;
import dev.slipway.runtime.asl.history.HistoryEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The execution operations: start (and sync start), describe, list, stop, history, task tokens, redrive. */
final class ExecutionApi {
    /** AWS caps an express synchronous execution at five minutes. */
    private static final Duration SYNC_LIMIT = Duration.ofMinutes(5);
    private final Engine engine;

    ExecutionApi(Engine engine) {
        this.engine = engine;
    }

    JsonNode start(JsonNode request) {
        Execution execution = engine.startExecution(ApiJson.required(request, "stateMachineArn"),
                ApiJson.optional(request, "name"), ApiJson.optional(request, "input"));
        ObjectNode response = Json.object();
        response.put("executionArn", execution.arn());
        ApiJson.time(response, "startDate", execution.record().startDate());
        return response;
    }

    JsonNode startSync(JsonNode request) throws InterruptedException {
        String machine = ApiJson.required(request, "stateMachineArn");
        if (!"EXPRESS".equals(engine.stateMachine(machine).type())) {
            throw new RequestRejectedException("StateMachineTypeNotSupported",
                    "This operation is not supported by this type of state machine: StartSyncExecution needs an EXPRESS"
                            + " state machine; use StartExecution and DescribeExecution for STANDARD ones");
        }
        Execution execution = engine.startExecution(machine, ApiJson.optional(request, "name"),
                ApiJson.optional(request, "input"));
        try {
            execution.done().get(SYNC_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            engine.stopExecution(execution.arn(), "States.Timeout", "The synchronous execution ran longer than 5 minutes");
        } catch (ExecutionException e) {
            throw new IllegalStateException("An execution never fails its completion future", e);
        }
        ObjectNode response = describe(execution);
        response.remove("redriveCount");
        response.remove("redriveStatus");
        return response;
    }

    JsonNode describe(JsonNode request) {
        return describe(engine.execution(ApiJson.required(request, "executionArn")));
    }

    private static ObjectNode describe(Execution execution) {
        ObjectNode response = summary(execution);
        response.put("input", execution.record().input());
        response.putObject("inputDetails").put("included", true);
        if (execution.output() != null) {
            response.put("output", Json.write(execution.output()));
            response.putObject("outputDetails").put("included", true);
        }
        if (execution.error() != null) {
            response.put("error", execution.error());
        }
        if (execution.cause() != null) {
            response.put("cause", execution.cause());
        }
        response.put("redriveCount", execution.redriveCount());
        ApiJson.time(response, "redriveDate", execution.redriveDate());
        ExecutionStatus status = execution.status();
        boolean redrivable = status == ExecutionStatus.FAILED || status == ExecutionStatus.ABORTED
                || status == ExecutionStatus.TIMED_OUT;
        response.put("redriveStatus", redrivable ? "REDRIVABLE" : "NOT_REDRIVABLE");
        return response;
    }

    private static ObjectNode summary(Execution execution) {
        ObjectNode node = Json.object();
        node.put("executionArn", execution.arn());
        node.put("stateMachineArn", execution.record().stateMachineArn());
        node.put("name", execution.record().name());
        node.put("status", execution.status().name());
        ApiJson.time(node, "startDate", execution.record().startDate());
        ApiJson.time(node, "stopDate", execution.stopDate());
        return node;
    }

    JsonNode list(JsonNode request) {
        String filter = ApiJson.optional(request, "statusFilter");
        List<Execution> all = new ArrayList<>();
        for (Execution e : engine.executions(ApiJson.required(request, "stateMachineArn"))) {
            if (filter == null || e.status().name().equals(filter)) {
                all.add(e);
            }
        }
        ObjectNode response = Json.object();
        ArrayNode executions = response.putArray("executions");
        ApiJson.page(all, request, 100, response).forEach(e -> executions.add(summary(e)));
        return response;
    }

    JsonNode stop(JsonNode request) {
        Execution execution = engine.stopExecution(ApiJson.required(request, "executionArn"),
                ApiJson.optional(request, "error"), ApiJson.optional(request, "cause"));
        ObjectNode response = Json.object();
        ApiJson.time(response, "stopDate", execution.stopDate() == null ? engine.clock().instant() : execution.stopDate());
        return response;
    }

    JsonNode history(JsonNode request) {
        Execution execution = engine.execution(ApiJson.required(request, "executionArn"));
        List<HistoryEvent> events = new ArrayList<>(execution.events());
        if (request.path("reverseOrder").asBoolean(false)) {
            Collections.reverse(events);
        }
        boolean includeData = request.path("includeExecutionData").asBoolean(true);
        ObjectNode response = Json.object();
        ArrayNode out = response.putArray("events");
        for (HistoryEvent event : ApiJson.page(events, request, 100, response)) {
            out.add(render(event, includeData));
        }
        return response;
    }

    /** An event as AWS shows it; the engine's own bookkeeping (scope, internal) stays behind. */
    private static ObjectNode render(HistoryEvent event, boolean includeData) {
        ObjectNode node = Json.object();
        ApiJson.time(node, "timestamp", event.timestamp());
        node.put("type", event.type().name());
        node.put("id", event.id());
        node.put("previousEventId", event.previousEventId());
        if (event.type().detailsField() != null) {
            ObjectNode details = event.details().deepCopy();
            if (!includeData) {
                details.remove(List.of("input", "output"));
            }
            node.set(event.type().detailsField(), details);
        }
        return node;
    }

    JsonNode sendTaskSuccess(JsonNode request) {
        engine.sendTaskSuccess(ApiJson.required(request, "taskToken"), ApiJson.required(request, "output"));
        return Json.object();
    }

    JsonNode sendTaskFailure(JsonNode request) {
        engine.sendTaskFailure(ApiJson.required(request, "taskToken"), ApiJson.optional(request, "error"),
                ApiJson.optional(request, "cause"));
        return Json.object();
    }

    JsonNode sendTaskHeartbeat(JsonNode request) {
        engine.sendTaskHeartbeat(ApiJson.required(request, "taskToken"));
        return Json.object();
    }

    JsonNode redrive(JsonNode request) {
        Execution execution = engine.redrive(ApiJson.required(request, "executionArn"));
        ObjectNode response = Json.object();
        ApiJson.time(response, "redriveDate", execution.redriveDate());
        return response;
    }
}
