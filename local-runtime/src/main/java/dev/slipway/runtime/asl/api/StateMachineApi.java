package dev.slipway.runtime.asl.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.runtime.asl.Engine;
import dev.slipway.runtime.asl.eval.Json;
import dev.slipway.runtime.asl.history.StateMachineRecord;
import dev.slipway.runtime.asl.model.DefinitionInvalidException;
import dev.slipway.runtime.asl.model.DefinitionParser;

/** The state machine operations: Create/Update/Describe/List/Delete and ValidateStateMachineDefinition. */
final class StateMachineApi {
    private final Engine engine;

    StateMachineApi(Engine engine) {
        this.engine = engine;
    }

    JsonNode create(JsonNode request) {
        StateMachineRecord record = engine.createStateMachine(ApiJson.required(request, "name"),
                ApiJson.required(request, "definition"), ApiJson.optional(request, "roleArn"),
                ApiJson.optional(request, "type"));
        ObjectNode response = Json.object();
        response.put("stateMachineArn", record.arn());
        ApiJson.time(response, "creationDate", record.creationDate());
        return response;
    }

    JsonNode update(JsonNode request) {
        engine.updateStateMachine(ApiJson.required(request, "stateMachineArn"), ApiJson.optional(request, "definition"),
                ApiJson.optional(request, "roleArn"));
        ObjectNode response = Json.object();
        ApiJson.time(response, "updateDate", engine.clock().instant());
        return response;
    }

    JsonNode describe(JsonNode request) {
        StateMachineRecord record = engine.stateMachine(ApiJson.required(request, "stateMachineArn"));
        ObjectNode response = Json.object();
        response.put("stateMachineArn", record.arn());
        response.put("name", record.name());
        response.put("status", "ACTIVE");
        response.put("definition", record.definition());
        response.put("roleArn", record.roleArn() == null ? "arn:aws:iam::000000000000:role/slipway-local" : record.roleArn());
        response.put("type", record.type());
        response.put("revisionId", String.valueOf(record.revision()));
        ApiJson.time(response, "creationDate", record.creationDate());
        return response;
    }

    JsonNode list(JsonNode request) {
        ObjectNode response = Json.object();
        ArrayNode machines = response.putArray("stateMachines");
        for (StateMachineRecord record : ApiJson.page(engine.stateMachines(), request, 100, response)) {
            ObjectNode item = machines.addObject();
            item.put("stateMachineArn", record.arn());
            item.put("name", record.name());
            item.put("type", record.type());
            ApiJson.time(item, "creationDate", record.creationDate());
        }
        return response;
    }

    JsonNode delete(JsonNode request) {
        engine.deleteStateMachine(ApiJson.required(request, "stateMachineArn"));
        return Json.object();
    }

    /** Never fails the call: problems come back as diagnostics, each naming the state and field. */
    JsonNode validate(JsonNode request) {
        ObjectNode response = Json.object();
        ArrayNode diagnostics = response.putArray("diagnostics");
        try {
            DefinitionParser.parse(ApiJson.required(request, "definition"));
            response.put("result", "OK");
        } catch (DefinitionInvalidException e) {
            response.put("result", "FAIL");
            for (String problem : e.problems()) {
                ObjectNode d = diagnostics.addObject();
                d.put("severity", "ERROR");
                int colon = problem.indexOf(':');
                int at = problem.lastIndexOf(" at /");
                d.put("code", colon > 0 ? problem.substring(0, colon) : "SCHEMA_VALIDATION_FAILED");
                d.put("message", problem);
                if (at > 0) {
                    d.put("location", problem.substring(at + 4));
                }
            }
        }
        response.put("truncated", false);
        return response;
    }
}
