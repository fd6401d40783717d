package dev.slipway.functions.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.slipway.core.scm.Provider;
import dev.slipway.core.secret.SecretStore;
import dev.slipway.functions.snapstart.SnapStartPriming;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * SnapStart priming of the webhook function: before Lambda takes the snapshot, a GitHub {@code ping}
 * signed with the stack's GitHub webhook secret goes through the whole handler (event mapping, the
 * Secrets Manager read, HMAC verification, JSON parsing, normalising, the answer). A ping queues
 * nothing and records no delivery, so priming leaves no trace.
 */
final class WebhookPriming extends SnapStartPriming {

    private final WebhookHandler handler;
    private final SecretStore secrets;
    private final String secretPrefix;

    WebhookPriming(WebhookHandler handler, SecretStore secrets, String secretPrefix) {
        this.handler = handler;
        this.secrets = secrets;
        this.secretPrefix = secretPrefix;
    }

    @Override
    protected String request() {
        return "the GitHub ping";
    }

    @Override
    public int prime() {
        String name = WebhookSecrets.nameFor(secretPrefix, Provider.GITHUB);
        String secret = secrets.lookup(name).orElseThrow(() -> new IllegalStateException("no secret " + name + " to sign the priming ping with"));
        byte[] body = "{\"zen\": \"Keep it logically awesome.\", \"hook_id\": 0}".getBytes(StandardCharsets.UTF_8);
        String signature = "sha256=" + HexFormat.of().formatHex(Hmac.sha256(secret, body));
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRawPath("/webhooks/github")
                .withHeaders(Map.of("content-type", "application/json", "x-github-event", "ping",
                        "x-github-delivery", "snapstart-priming-" + UUID.randomUUID(), "x-hub-signature-256", signature))
                .withBody(new String(body, StandardCharsets.UTF_8)).build();
        return handler.handleRequest(event, null).getStatusCode();
    }
}
