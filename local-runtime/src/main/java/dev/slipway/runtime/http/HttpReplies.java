package dev.slipway.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.slipway.core.json.SlipwayJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Writing answers on the JDK's HTTP server: JSON values and short JSON errors ({@code code}, {@code message}). */
public final class HttpReplies {

    private HttpReplies() {
    }

    public static ObjectNode error(String code, String message) {
        ObjectNode node = SlipwayJson.mapper().createObjectNode();
        node.put("error", code);
        node.put("message", message);
        return node;
    }

    public static void json(HttpExchange exchange, int status, Object value) throws IOException {
        byte[] bytes;
        try {
            bytes = SlipwayJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        send(exchange, status, "application/json", bytes);
    }

    public static void text(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
