package dev.slipway.functions.webhook;

import dev.slipway.core.secret.SecretStore;
import dev.slipway.testkit.build.RecordingBuildQueue;
import dev.slipway.testkit.ingress.InMemoryDeliveryLedger;
import dev.slipway.testkit.scm.WebhookSigner;
import dev.slipway.testkit.secret.InMemorySecretStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** A {@link WebhookIngress} over fakes, with the secrets configured and helpers to sign fixture payloads. */
final class WebhookFixture {

    static final String GITHUB_SECRET = "gh-webhook-secret";
    static final String GITEA_SECRET = "gitea-webhook-secret";
    static final String GITLAB_TOKEN = "gitlab-secret-token";
    static final String GITLAB_SIGNING = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final Instant NOW = Instant.parse("2026-11-22T05:00:00Z");

    final InMemorySecretStore secrets = new InMemorySecretStore(Map.of(
            "slipway/webhooks/github", GITHUB_SECRET,
            "slipway/webhooks/gitea", GITEA_SECRET,
            "slipway/webhooks/gitlab", GITLAB_TOKEN));
    final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();
    final RecordingBuildQueue queue = new RecordingBuildQueue();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    WebhookIngress ingress() {
        return ingress(WebhookConfig.defaults());
    }

    WebhookIngress ingress(WebhookConfig config) {
        return ingress(secrets, config);
    }

    WebhookIngress ingress(SecretStore store, WebhookConfig config) {
        return new WebhookIngress(store, ledger, queue, clock, config);
    }

    static byte[] payload(String provider, String name) {
        String path = "events/" + provider + "/" + name + ".json";
        try (InputStream in = WebhookFixture.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request signed as {@code provider} signs it (GitLab: with its secret token). */
    static WebhookRequest signed(String provider, String event, String delivery, byte[] body) {
        Map<String, String> headers = switch (provider) {
            case "github" -> WebhookSigner.github(GITHUB_SECRET, event, delivery, body);
            case "gitea" -> WebhookSigner.gitea(GITEA_SECRET, event, delivery, body);
            case "gitlab" -> WebhookSigner.gitlabToken(GITLAB_TOKEN, event, delivery);
            default -> throw new IllegalArgumentException(provider);
        };
        return new WebhookRequest("/webhooks/" + provider, new WebhookHeaders(headers), body);
    }
}
