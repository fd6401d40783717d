package dev.slipway.testkit.slack;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** What the fake answers to one call: HTTP status, extra headers, and Slack's JSON body. */
record SlackAnswer(int status, Map<String, String> headers, ObjectNode body) {

    static SlackAnswer ok(ObjectNode body) {
        body.put("ok", true);
        return new SlackAnswer(200, Map.of(), body);
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Slack answers most errors with HTTP 200 and {@code ok:false}; only the status differs for a few. */
    static SlackAnswer error(String error) {
        return error(200, error);
    }

    static SlackAnswer error(int status, String error) {
        ObjectNode body = object();
        body.put("ok", false);
        body.put("error", error);
        return new SlackAnswer(status, Map.of(), body);
    }

    String errorCode() {
        return body.path("ok").asBoolean() ? null : body.path("error").asText();
    }
}
