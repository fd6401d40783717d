package dev.slipway.functions.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.json.SlipwayJson;

/** The answer to a webhook: a status and a short JSON body the provider shows in its delivery log. */
public record WebhookResponse(int status, String body) {

    static WebhookResponse queued(BuildId build, boolean redelivery) {
        ObjectNode json = object("queued").put("buildId", build.value());
        if (redelivery) {
            json.put("note", "an earlier attempt of this delivery never queued its build; this one did");
        }
        return new WebhookResponse(202, json.toString());
    }

    static WebhookResponse duplicate(BuildId build) {
        return new WebhookResponse(200, object("duplicate").put("buildId", build.value())
                .put("reason", "this delivery was already queued; nothing new started").toString());
    }

    static WebhookResponse inProgress(BuildId build) {
        return new WebhookResponse(202, object("in-progress").put("buildId", build.value())
                .put("reason", "another attempt of this delivery is being processed").toString());
    }

    static WebhookResponse ignored(String reason) {
        return new WebhookResponse(202, object("ignored").put("reason", reason).toString());
    }

    static WebhookResponse pong(String detail) {
        return new WebhookResponse(200, object("pong").put("detail", detail).toString());
    }

    static WebhookResponse error(int status, String code, String message) {
        return new WebhookResponse(status, SlipwayJson.mapper().createObjectNode()
                .put("error", code).put("message", message).toString());
    }

    private static ObjectNode object(String status) {
        return SlipwayJson.mapper().createObjectNode().put("status", status);
    }
}
