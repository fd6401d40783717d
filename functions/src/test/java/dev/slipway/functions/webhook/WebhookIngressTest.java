package dev.slipway.functions.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.ingress.DeliveryKey;
import dev.slipway.core.scm.Provider;
import dev.slipway.core.secret.SecretStoreUnavailableException;
import dev.slipway.testkit.scm.WebhookSigner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Idempotency, status codes and error bodies of the webhook ingress. */
class WebhookIngressTest {

    private final WebhookFixture fixture = new WebhookFixture();
    private final byte[] push = WebhookFixture.payload("github", "push");

    @Test
    void aDuplicateDeliveryStartsNoSecondBuild() {
        WebhookRequest request = WebhookFixture.signed("github", "push", "dup-1", push);

        WebhookResponse first = fixture.ingress().handle(request);
        WebhookResponse second = fixture.ingress().handle(request);

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.body()).contains("\"status\":\"queued\"", "\"buildId\":\"github-dup-1\"");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).contains("\"status\":\"duplicate\"", "\"buildId\":\"github-dup-1\"");
        assertThat(fixture.queue.queued()).hasSize(1);
    }

    @Test
    void aRedeliveryOfADeliveryThatFailedBeforeQueueingIsProcessed() {
        WebhookRequest request = WebhookFixture.signed("github", "push", "redeliver-1", push);
        fixture.queue.failNext(1);

        WebhookResponse failed = fixture.ingress().handle(request);
        WebhookResponse redelivered = fixture.ingress().handle(request);
        WebhookResponse duplicate = fixture.ingress().handle(request);

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.body()).contains("\"error\":\"queue-unavailable\"", "redeliver");
        assertThat(redelivered.status()).isEqualTo(202);
        assertThat(redelivered.body()).contains("never queued its build");
        assertThat(duplicate.status()).isEqualTo(200);
        assertThat(fixture.queue.queued()).extracting(r -> r.id().value()).containsExactly("github-redeliver-1");
    }

    @Test
    void aDeliveryAnotherAttemptIsProcessingStartsNothing() {
        DeliveryKey key = new DeliveryKey(Provider.GITHUB, "busy-1");
        fixture.ledger.claim(key, BuildId.forDelivery(Provider.GITHUB, "busy-1"), WebhookFixture.NOW, Duration.ofMinutes(2));

        WebhookResponse response = fixture.ingress().handle(WebhookFixture.signed("github", "push", "busy-1", push));

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.body()).contains("\"status\":\"in-progress\"");
        assertThat(fixture.queue.queued()).isEmpty();
    }

    @Test
    void distinctDeliveriesOfTheSamePushAreDistinctBuilds() {
        fixture.ingress().handle(WebhookFixture.signed("github", "push", "a", push));
        fixture.ingress().handle(WebhookFixture.signed("github", "push", "b", push));

        assertThat(fixture.queue.queued()).extracting(r -> r.id().value()).containsExactly("github-a", "github-b");
    }

    @Test
    void anOversizedBodyIs413BeforeAnythingElse() {
        WebhookResponse response = fixture.ingress(WebhookConfig.defaults().withMaxBodyBytes(1024))
                .handle(WebhookFixture.signed("github", "push", "big", push));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).contains("\"error\":\"too-large\"", "at most 1024");
        assertThat(fixture.ledger.size()).isZero();
    }

    @Test
    void malformedJsonIs400SayingWhere() {
        byte[] broken = "{\"ref\": \"refs/heads/main\",".getBytes(StandardCharsets.UTF_8);

        WebhookResponse response = fixture.ingress().handle(WebhookFixture.signed("github", "push", "bad-json", broken));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"error\":\"malformed-json\"", "line 1");
        assertThat(fixture.ledger.size()).isZero();
    }

    @Test
    void aPayloadMissingWhatTheEventNeedsIs400NamingTheField() {
        byte[] noRef = "{\"after\":\"0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c\"}".getBytes(StandardCharsets.UTF_8);

        WebhookResponse response = fixture.ingress().handle(WebhookFixture.signed("github", "push", "no-ref", noRef));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"error\":\"bad-payload\"", "'ref'");
    }

    @Test
    void missingEventOrDeliveryHeadersAre400() {
        Map<String, String> noEvent = new HashMap<>(WebhookSigner.github(WebhookFixture.GITHUB_SECRET, "push", "h1", push));
        noEvent.remove("X-GitHub-Event");
        Map<String, String> noDelivery = new HashMap<>(WebhookSigner.github(WebhookFixture.GITHUB_SECRET, "push", "h2", push));
        noDelivery.remove("X-GitHub-Delivery");

        WebhookResponse withoutEvent = fixture.ingress().handle(request("github", noEvent));
        WebhookResponse withoutDelivery = fixture.ingress().handle(request("github", noDelivery));

        assertThat(withoutEvent.status()).isEqualTo(400);
        assertThat(withoutEvent.body()).contains("\"error\":\"missing-header\"", "X-GitHub-Event");
        assertThat(withoutDelivery.status()).isEqualTo(400);
        assertThat(withoutDelivery.body()).contains("X-GitHub-Delivery");
    }

    @Test
    void gitlabDeliveriesAreKeyedByIdempotencyKeyOrEventUuid() {
        byte[] body = WebhookFixture.payload("gitlab", "push");
        Map<String, String> uuidOnly = new HashMap<>(WebhookSigner.gitlabToken(WebhookFixture.GITLAB_TOKEN, "Push Hook", "u-1"));
        uuidOnly.remove("Idempotency-Key");
        Map<String, String> neither = new HashMap<>(uuidOnly);
        neither.remove("X-Gitlab-Event-UUID");

        WebhookResponse byUuid = fixture.ingress().handle(new WebhookRequest("/webhooks/gitlab", new WebhookHeaders(uuidOnly), body));
        WebhookResponse missing = fixture.ingress().handle(new WebhookRequest("/webhooks/gitlab", new WebhookHeaders(neither), body));

        assertThat(byUuid.body()).contains("\"buildId\":\"gitlab-u-1\"");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("Idempotency-Key");
    }

    @Test
    void anUnknownProviderIs404ListingTheEndpoints() {
        WebhookResponse response = fixture.ingress().handle(new WebhookRequest("/webhooks/bitbucket",
                new WebhookHeaders(Map.of()), push));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).contains("/webhooks/github, /webhooks/gitlab or /webhooks/gitea");
    }

    @Test
    void anUnreachableSecretStoreIs503AndRecordsNothing() {
        WebhookIngress ingress = fixture.ingress(name -> {
            throw new SecretStoreUnavailableException(name, new IllegalStateException("connection refused"));
        }, WebhookConfig.defaults());

        WebhookResponse response = ingress.handle(WebhookFixture.signed("github", "push", "s-1", push));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.body()).contains("\"error\":\"secrets-unavailable\"");
        assertThat(fixture.ledger.size()).isZero();
    }

    @Test
    void headersAreMatchedWhateverTheirCase() {
        Map<String, String> lower = new HashMap<>();
        WebhookSigner.github(WebhookFixture.GITHUB_SECRET, "push", "lower-1", push)
                .forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));

        assertThat(fixture.ingress().handle(request("github", lower)).status()).isEqualTo(202);
    }

    @Test
    void secretsAreNotReadForRequestsThatAreTooLarge() {
        fixture.ingress(WebhookConfig.defaults().withMaxBodyBytes(10)).handle(WebhookFixture.signed("github", "push", "x", push));

        assertThat(fixture.secrets.lookups()).isEmpty();
        assertThat(Optional.of(fixture.queue.queued())).get().asList().isEmpty();
    }

    private WebhookRequest request(String provider, Map<String, String> headers) {
        return new WebhookRequest("/webhooks/" + provider, new WebhookHeaders(headers), push);
    }
}
