package dev.slipway.testkit.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Web API call's arguments and token, read the way Slack reads them: form-encoded or JSON bodies,
 * plus the query string; the token from {@code Authorization: Bearer} or, for form and query
 * arguments only, a {@code token} argument (Slack ignores a token inside a JSON body).
 */
record SlackApiRequest(String method, Map<String, String> params, String token) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why a body could not be read, as the Slack error code it gets. */
    static final class UnreadableBodyException extends Exception {
        private final String error;

        UnreadableBodyException(String error) {
            super(error);
            this.error = error;
        }

        String error() {
            return error;
        }
    }

    static SlackApiRequest read(String method, String query, String contentType, String authorization, byte[] body)
            throws UnreadableBodyException {
        Map<String, String> params = new LinkedHashMap<>(parseForm(query));
        String bodyToken = null;
        if (body.length > 0) {
            if (contentType == null || contentType.isBlank()) {
                throw new UnreadableBodyException("missing_post_type");
            }
            String type = contentType.toLowerCase().split(";")[0].trim();
            checkCharset(contentType);
            String text = new String(body, StandardCharsets.UTF_8);
            switch (type) {
                case "application/x-www-form-urlencoded" -> params.putAll(parseForm(text));
                case "application/json" -> params.putAll(parseJson(text));
                default -> throw new UnreadableBodyException("invalid_post_type");
            }
            if (type.equals("application/json")) {
                // Slack: "you can't send the token in a JSON body"; drop it so it cannot authenticate.
                bodyToken = params.remove("token");
            }
        }
        String token = bearer(authorization);
        if (token == null && bodyToken == null) {
            token = params.get("token");
        }
        return new SlackApiRequest(method, params, token);
    }

    private static void checkCharset(String contentType) throws UnreadableBodyException {
        for (String part : contentType.split(";")) {
            String p = part.trim().toLowerCase();
            if (p.startsWith("charset=")) {
                String charset = p.substring("charset=".length()).replace("\"", "");
                if (!charset.equals("utf-8") && !charset.equals("iso-8859-1")) {
                    throw new UnreadableBodyException("invalid_charset");
                }
            }
        }
    }

    private static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).trim() : null;
    }

    private static Map<String, String> parseForm(String form) {
        Map<String, String> params = new LinkedHashMap<>();
        if (form == null || form.isEmpty()) {
            return params;
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    private static Map<String, String> parseJson(String text) throws UnreadableBodyException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new UnreadableBodyException("invalid_json");
        }
        if (root == null || !root.isObject()) {
            throw new UnreadableBodyException("invalid_json");
        }
        Map<String, String> params = new LinkedHashMap<>();
        root.fields().forEachRemaining(field -> params.put(field.getKey(),
                field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString()));
        return params;
    }

    String param(String name) {
        String value = params.get(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
