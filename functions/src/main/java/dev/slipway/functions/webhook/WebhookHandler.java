package dev.slipway.functions.webhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.slipway.functions.wiring.Wiring;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.crac.Core;

/**
 * Lambda entry point for {@code POST /webhooks/{provider}} behind an API Gateway HTTP API (payload
 * format 2.0). Thin: it turns the event into a {@link WebhookRequest} with the body's raw bytes and
 * the answer into a response; {@link WebhookIngress} does the work.
 */
public final class WebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Map<String, String> JSON = Map.of("content-type", "application/json");

    private final WebhookIngress ingress;
    /** Held here: CRaC's global context may keep its resources only weakly. Null outside Lambda. */
    private final WebhookPriming priming;

    /** Used by Lambda: clients and tables from the environment (see {@link Wiring}), primed for SnapStart. */
    public WebhookHandler() {
        this(Wiring.fromEnvironment());
        Core.getGlobalContext().register(priming);
    }

    private WebhookHandler(Wiring wiring) {
        this.ingress = wiring.webhookIngress();
        this.priming = new WebhookPriming(this, wiring.secretStore(), wiring.webhookSecretPrefix());
    }

    public WebhookHandler(WebhookIngress ingress) {
        this.ingress = ingress;
        this.priming = null;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        WebhookResponse response = answer(event);
        return APIGatewayV2HTTPResponse.builder().withStatusCode(response.status()).withHeaders(JSON)
                .withBody(response.body()).build();
    }

    private WebhookResponse answer(APIGatewayV2HTTPEvent event) {
        String method = event.getRequestContext() == null || event.getRequestContext().getHttp() == null ? "POST"
                : event.getRequestContext().getHttp().getMethod();
        if (!"POST".equalsIgnoreCase(method)) {
            return WebhookResponse.error(405, "method-not-allowed", "webhooks are delivered with POST, not " + method);
        }
        byte[] body;
        try {
            body = rawBody(event);
        } catch (IllegalArgumentException e) {
            return WebhookResponse.error(400, "malformed-body", "the body is marked base64 but is not base64");
        }
        String provider = event.getPathParameters() != null && event.getPathParameters().get("provider") != null
                ? event.getPathParameters().get("provider") : event.getRawPath();
        return ingress.handle(new WebhookRequest(provider, new WebhookHeaders(event.getHeaders()), body));
    }

    /**
     * The bytes the provider signed. API Gateway base64-encodes bodies it does not consider text;
     * JSON arrives as a string that re-encodes to the same UTF-8 bytes.
     */
    static byte[] rawBody(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        return event.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }
}
