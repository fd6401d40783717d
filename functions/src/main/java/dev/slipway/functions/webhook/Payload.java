package dev.slipway.functions.webhook;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads fields of a provider payload by dotted path. Missing required fields are a 400 naming the
 * field, so a payload from an unexpected provider version says what it lacks.
 */
final class Payload {

    private final JsonNode root;
    private final String what;

    Payload(JsonNode root, String what) {
        this.root = root;
        this.what = what;
    }

    JsonNode node(String path) {
        JsonNode at = root;
        for (String part : path.split("\\.")) {
            at = at == null ? null : at.get(part);
        }
        return at == null || at.isNull() || at.isMissingNode() ? null : at;
    }

    String text(String path) {
        JsonNode at = node(path);
        return at == null || !at.isValueNode() ? null : at.asText();
    }

    String requireText(String path) {
        String value = text(path);
        if (value == null || value.isEmpty()) {
            throw WebhookRejectedException.badRequest("bad-payload",
                    "the " + what + " payload has no '" + path + "': is the webhook sending JSON of this event?");
        }
        return value;
    }

    int requireInt(String path) {
        JsonNode at = node(path);
        if (at == null || !at.canConvertToInt()) {
            throw WebhookRejectedException.badRequest("bad-payload",
                    "the " + what + " payload has no number '" + path + "'");
        }
        return at.asInt();
    }

    boolean flag(String path) {
        JsonNode at = node(path);
        return at != null && at.asBoolean(false);
    }

    /** The first non-empty text among {@code paths}, or null. */
    String firstText(String... paths) {
        for (String path : paths) {
            String value = text(path);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }
}
