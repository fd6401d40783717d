package dev.slipway.runtime.http;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Serves a route with a Lambda handler written for API Gateway HTTP APIs (payload format 2.0), as
 * API Gateway does: the request becomes an {@link APIGatewayV2HTTPEvent} and the handler's response
 * becomes the HTTP answer. So the embedded runtime runs the SAME handler class as the cloud.
 *
 * <p>What API Gateway does and this copies: header names lower-cased and repeated values joined
 * with commas; the body passed as text when it is valid UTF-8 of a textual content type, otherwise
 * base64 with {@code isBase64Encoded}; path parameters from the route's pattern
 * ({@code /webhooks/{provider}}: the segment after the prefix).
 */
public final class ApiGatewayRoute implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(ApiGatewayRoute.class.getName());

    /** API Gateway's payload limit (10 MB); larger requests are refused before the handler runs. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final String prefix;
    private final String parameter;
    private final String functionName;
    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
    private final Clock clock;

    /**
     * @param prefix    the route's fixed part, e.g. {@code /webhooks/}
     * @param parameter the name of the path parameter after it, e.g. {@code provider}
     */
    public ApiGatewayRoute(String prefix, String parameter, String functionName,
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, Clock clock) {
        this.prefix = prefix;
        this.parameter = parameter;
        this.functionName = functionName;
        this.handler = handler;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                HttpReplies.json(exchange, 413, HttpReplies.error("too-large",
                        "the body is over " + MAX_BODY_BYTES + " bytes, API Gateway's limit"));
                return;
            }
            APIGatewayV2HTTPResponse response;
            try {
                response = handler.handleRequest(event(exchange, body),
                        new LocalLambdaContext(functionName, Duration.ofSeconds(30), clock));
            } catch (RuntimeException e) {
                // As API Gateway answers a function error: the cause to the log, a generic 500 to the caller.
                LOG.log(System.Logger.Level.ERROR, functionName + " failed on " + exchange.getRequestURI(), e);
                HttpReplies.json(exchange, 500, HttpReplies.error("internal", "Internal Server Error"));
                return;
            }
            reply(exchange, response);
        }
    }

    APIGatewayV2HTTPEvent event(HttpExchange exchange, byte[] body) {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        Map<String, String> headers = headers(exchange);
        String text = textOf(body, headers.getOrDefault("content-type", ""));
        APIGatewayV2HTTPEvent.RequestContext context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId(UUID.randomUUID().toString())
                .withRouteKey(method + " " + prefix + "{" + parameter + "}")
                .withTimeEpoch(clock.millis())
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                        .withProtocol(exchange.getProtocol())
                        .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                        .withUserAgent(headers.get("user-agent")).build())
                .build();
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(context.getRouteKey())
                .withRawPath(path).withRawQueryString(exchange.getRequestURI().getRawQuery() == null ? ""
                        : exchange.getRequestURI().getRawQuery())
                .withHeaders(headers)
                .withPathParameters(Map.of(parameter, path.startsWith(prefix) ? path.substring(prefix.length()) : ""))
                .withRequestContext(context)
                .withBody(body.length == 0 ? null : text != null ? text : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(body.length > 0 && text == null)
                .build();
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            headers.put(header.getKey().toLowerCase(Locale.ROOT), String.join(",", header.getValue()));
        }
        return headers;
    }

    /** The body as text when API Gateway would pass it as text: a textual type and valid UTF-8. */
    static String textOf(byte[] body, String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        boolean textual = type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.contains("x-www-form-urlencoded") || type.contains("javascript");
        if (!textual) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static void reply(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        }
        String body = response.getBody();
        byte[] bytes = body == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.getStatusCode(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
