package dev.slipway.functions.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.slipway.testkit.scm.WebhookSigner;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Lambda adapter: API Gateway HTTP API events (payload format 2.0) in, responses out. */
class WebhookHandlerTest {

    private final WebhookFixture fixture = new WebhookFixture();
    private final WebhookHandler handler = new WebhookHandler(fixture.ingress());
    private final byte[] push = WebhookFixture.payload("github", "push");

    private static APIGatewayV2HTTPEvent event(String method, Map<String, String> headers, String body, boolean base64) {
        // API Gateway HTTP APIs lower-case header names before the function sees them.
        Map<String, String> lower = new HashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("POST /webhooks/{provider}")
                .withRawPath("/webhooks/github").withPathParameters(Map.of("provider", "github")).withHeaders(lower)
                .withBody(body).withIsBase64Encoded(base64)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method)
                                .withPath("/webhooks/github").build()).build())
                .build();
    }

    @Test
    void aSignedJsonBodyIsQueuedAndAnsweredWithTheBuildId() {
        Map<String, String> headers = WebhookSigner.github(WebhookFixture.GITHUB_SECRET, "push", "h-1", push);

        APIGatewayV2HTTPResponse response = handler.handleRequest(
                event("POST", headers, new String(push, StandardCharsets.UTF_8), false), null);

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
        assertThat(response.getBody()).contains("\"buildId\":\"github-h-1\"");
    }

    @Test
    void aBase64EncodedBodyIsVerifiedOnItsDecodedBytes() {
        Map<String, String> headers = WebhookSigner.github(WebhookFixture.GITHUB_SECRET, "push", "h-2", push);

        APIGatewayV2HTTPResponse response = handler.handleRequest(
                event("POST", headers, Base64.getEncoder().encodeToString(push), true), null);

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(fixture.queue.queued()).hasSize(1);
    }

    @Test
    void nonUtf8BytesSurviveBase64() {
        byte[] latin1 = ("{\"zen\":\"caf\u00e9\",\"hook_id\":1}").getBytes(StandardCharsets.ISO_8859_1);
        Map<String, String> headers = WebhookSigner.github(WebhookFixture.GITHUB_SECRET, "ping", "h-3", latin1);

        APIGatewayV2HTTPResponse response = handler.handleRequest(
                event("POST", headers, Base64.getEncoder().encodeToString(latin1), true), null);

        // The signature matched the exact bytes; Jackson then reads the payload (invalid UTF-8 is
        // its problem to report, not a signature failure).
        assertThat(response.getStatusCode()).isNotEqualTo(401);
    }

    @Test
    void otherMethodsAre405() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event("GET", Map.of(), null, false), null);

        assertThat(response.getStatusCode()).isEqualTo(405);
    }

    @Test
    void aBodyMarkedBase64ThatIsNotIs400() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event("POST", Map.of(), "%%% not base64", true), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("malformed-body");
    }

    @Test
    void snapStartPrimingIsASignedPingThatQueuesAndRecordsNothing() {
        WebhookPriming priming = new WebhookPriming(handler, fixture.secrets, "slipway/webhooks");

        assertThat(priming.prime()).isEqualTo(200);
        assertThat(fixture.queue.queued()).isEmpty();
        assertThat(fixture.ledger.size()).isZero();
    }

    @Test
    void primingWithAnotherSecretIsRefusedLikeAnyForgedDelivery() {
        WebhookPriming priming = new WebhookPriming(handler,
                new dev.slipway.testkit.secret.InMemorySecretStore(Map.of("slipway/webhooks/github", "not-the-secret")),
                "slipway/webhooks");

        assertThat(priming.prime()).isEqualTo(401);
    }
}
