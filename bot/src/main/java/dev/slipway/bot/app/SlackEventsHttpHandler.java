package dev.slipway.bot.app;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot behind the JDK's HTTP server, for the embedded runtime: {@code POST /slack/events}
 * carries commands, interactions and events alike (Bolt tells them apart). Only POST is served;
 * the body is handed to Bolt byte for byte, since the signature covers the raw body.
 */
public final class SlackEventsHttpHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SlackEventsHttpHandler.class);
    /** Slack's payloads are small; this bounds what an unauthenticated caller can make us read. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private final App app;
    private final SlackRequestParser parser;

    public SlackEventsHttpHandler(App app) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                send(exchange, 405, "text/plain", "POST only: Slack sends commands, interactions and events as POST");
                return;
            }
            byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                send(exchange, 413, "text/plain", "request body over " + MAX_BODY_BYTES + " bytes");
                return;
            }
            Response response = run(exchange, new String(body, StandardCharsets.UTF_8));
            String contentType = response.getContentType() == null ? "text/plain" : response.getContentType();
            send(exchange, response.getStatusCode(), contentType, response.getBody() == null ? "" : response.getBody());
        }
    }

    private Response run(HttpExchange exchange, String body) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values));
        Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(exchange.getRequestURI().getPath())
                .queryString(Map.of())
                .headers(new RequestHeaders(headers))
                .requestBody(body)
                .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
                .build());
        if (request == null) {
            return Response.builder().statusCode(400).contentType("text/plain").body("not a Slack request").build();
        }
        try {
            return app.run(request);
        } catch (Exception e) {
            // Like Bolt's own adapters: the cause goes to the log, Slack gets a generic error.
            LOG.error("Slack request to {} failed", exchange.getRequestURI(), e);
            return Response.builder().statusCode(500).contentType("text/plain").body("internal error").build();
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
