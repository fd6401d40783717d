package dev.slipway.functions.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.core.build.BuildId;

/** Reading the state machine's payloads, with errors that name the missing field. */
final class Payloads {

    private Payloads() {
    }

    static String text(JsonNode payload, String field) {
        JsonNode value = payload.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new PayloadInvalidException("field '" + field + "' must be a non-empty string, got " + value
                    + "; check the Parameters of the state that calls this function in pipeline.asl.json");
        }
        return value.asText();
    }

    static String optionalText(JsonNode payload, String field) {
        JsonNode value = payload.path(field);
        return value.isTextual() ? value.asText() : "";
    }

    static BuildId buildId(JsonNode payload) {
        return BuildId.of(text(payload, "buildId"));
    }

    /** The {@code notify} object every state passes along: {@code {channel, messageRef}}. */
    static String channel(JsonNode payload) {
        return optionalText(payload.path("notify"), "channel");
    }

    static String messageRef(JsonNode payload) {
        return optionalText(payload.path("notify"), "messageRef");
    }

    /** An empty string for a single-service pipeline, whose records carry no service. */
    static String service(JsonNode payload) {
        return optionalText(payload, "service");
    }
}
