package dev.slipway.runtime.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** A route whose part is not configured: 503 saying what to configure, so callers learn why. */
public record UnavailableRoute(String code, String message) implements HttpHandler {

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            HttpReplies.json(exchange, 503, HttpReplies.error(code, message));
        }
    }
}
