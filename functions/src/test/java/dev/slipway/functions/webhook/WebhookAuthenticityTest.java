package dev.slipway.functions.webhook;

import static dev.slipway.functions.webhook.WebhookFixture.GITLAB_SIGNING;
import static dev.slipway.functions.webhook.WebhookFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testkit.scm.WebhookSigner;
import dev.slipway.testkit.secret.InMemorySecretStore;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Authenticity comes first, on the raw bytes: a forged request is refused with 401 and leaves nothing behind. */
class WebhookAuthenticityTest {

    private final WebhookFixture fixture = new WebhookFixture();
    private final byte[] push = WebhookFixture.payload("github", "push");

    @Test
    void githubsPublishedTestVectorPassesVerification() {
        // "Validating webhook deliveries", GitHub Docs: these inputs give exactly this header.
        byte[] body = "Hello, World!".getBytes(StandardCharsets.UTF_8);
        fixture.secrets.put("slipway/webhooks/github", "It's a Secret to Everybody");
        Map<String, String> headers = Map.of("X-Hub-Signature-256",
                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
                "X-GitHub-Event", "push", "X-GitHub-Delivery", "vector");

        WebhookResponse response = fixture.ingress().handle(request("github", headers, body));

        // Verified, then refused as a payload: "Hello, World!" is not JSON.
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"error\":\"malformed-json\"");
        assertThat(GitHubSignature.sign("It's a Secret to Everybody", body))
                .isEqualTo("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    }

    @Test
    void aGitHubBodyChangedAfterSigningIsRefused() {
        Map<String, String> headers = WebhookSigner.github(WebhookFixture.GITHUB_SECRET, "push", "d1", push);
        byte[] tampered = new String(push, StandardCharsets.UTF_8).replace("octocat", "mallory").getBytes(StandardCharsets.UTF_8);

        WebhookResponse response = fixture.ingress().handle(request("github", headers, tampered));

        assertRefused(response, "bad-signature", "X-Hub-Signature-256 does not match the body");
    }

    @Test
    void aGitHubSignatureWithAnotherSecretIsRefused() {
        Map<String, String> headers = WebhookSigner.github("not the secret", "push", "d2", push);

        assertRefused(fixture.ingress().handle(request("github", headers, push)), "bad-signature",
                "slipway/webhooks/github");
    }

    @Test
    void anUnsignedGitHubRequestIsRefused() {
        Map<String, String> headers = new HashMap<>(WebhookSigner.github(WebhookFixture.GITHUB_SECRET, "push", "d3", push));
        headers.remove("X-Hub-Signature-256");

        assertRefused(fixture.ingress().handle(request("github", headers, push)), "missing-signature",
                "X-Hub-Signature-256 header is missing");
    }

    @Test
    void aProviderWithoutAConfiguredSecretAcceptsNothing() {
        InMemorySecretStore empty = new InMemorySecretStore(Map.of("slipway/webhooks/gitea", " "));
        Map<String, String> headers = WebhookSigner.github("any guess", "push", "d4", push);

        WebhookResponse response = fixture.ingress(empty, WebhookConfig.defaults()).handle(request("github", headers, push));
        WebhookResponse blank = fixture.ingress(empty, WebhookConfig.defaults()).handle(request("gitea",
                WebhookSigner.gitea("any guess", "push", "d5", push), push));

        assertRefused(response, "not-configured", "create secret slipway/webhooks/github");
        assertRefused(blank, "not-configured", "create secret slipway/webhooks/gitea");
    }

    @Test
    void giteaSignaturesAreCheckedToo() {
        byte[] body = WebhookFixture.payload("gitea", "push");
        Map<String, String> good = WebhookSigner.gitea(WebhookFixture.GITEA_SECRET, "push", "g1", body);
        Map<String, String> bad = WebhookSigner.gitea("wrong", "push", "g2", body);

        assertRefused(fixture.ingress().handle(request("gitea", bad, body)), "bad-signature", "X-Gitea-Signature");
        assertThat(fixture.ingress().handle(request("gitea", good, body)).status()).isEqualTo(202);
    }

    @Test
    void aWrongGitLabTokenIsRefused() {
        byte[] body = WebhookFixture.payload("gitlab", "push");

        WebhookResponse response = fixture.ingress().handle(request("gitlab",
                WebhookSigner.gitlabToken("guess", "Push Hook", "l1"), body));

        assertRefused(response, "bad-token", "X-Gitlab-Token does not match");
    }

    @Test
    void theStandardWebhooksTestVectorVerifiesAsGitLabsSigningToken() {
        // The Standard Webhooks specification's example; GitLab signs with the same scheme.
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

        assertThat(GitLabAuthenticity.sign(GITLAB_SIGNING, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, body))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aGitLabSigningTokenIsCheckedWhenConfigured() {
        WebhookIngress ingress = signingOnly();
        byte[] body = WebhookFixture.payload("gitlab", "push");
        Map<String, String> forged = WebhookSigner.gitlabSigned("whsec_" + "A".repeat(43) + "=", "Push Hook", "s2",
                NOW.getEpochSecond(), body);
        Map<String, String> signed = WebhookSigner.gitlabSigned(GITLAB_SIGNING, "Push Hook", "s1", NOW.getEpochSecond(), body);

        assertRefused(ingress.handle(request("gitlab", forged, body)), "bad-signature", "webhook-signature does not match");
        assertThat(ingress.handle(request("gitlab", signed, body)).status()).isEqualTo(202);
    }

    @Test
    void oneMatchingEntryAmongRotatingKeysIsEnough() {
        WebhookIngress ingress = signingOnly();
        byte[] body = WebhookFixture.payload("gitlab", "push");
        Map<String, String> headers = new HashMap<>(
                WebhookSigner.gitlabSigned(GITLAB_SIGNING, "Push Hook", "s3", NOW.getEpochSecond(), body));
        headers.put("webhook-signature", "v1,b2xkIGtleSBzaWduYXR1cmU= " + headers.get("webhook-signature"));

        assertThat(ingress.handle(request("gitlab", headers, body)).status()).isEqualTo(202);
    }

    @Test
    void aReplayedGitLabSignatureFromLongAgoIsRefused() {
        WebhookIngress ingress = signingOnly();
        byte[] body = WebhookFixture.payload("gitlab", "push");
        Map<String, String> old = WebhookSigner.gitlabSigned(GITLAB_SIGNING, "Push Hook", "s4",
                NOW.getEpochSecond() - 3600, body);

        assertRefused(ingress.handle(request("gitlab", old, body)), "stale-signature", "3600 s away");
    }

    @Test
    void withBothGitLabSecretsConfiguredBothMustMatch() {
        fixture.secrets.put("slipway/webhooks/gitlab-signing", GITLAB_SIGNING);
        byte[] body = WebhookFixture.payload("gitlab", "push");
        Map<String, String> both = new HashMap<>(
                WebhookSigner.gitlabSigned(GITLAB_SIGNING, "Push Hook", "b1", NOW.getEpochSecond(), body));
        both.put("X-Gitlab-Token", WebhookFixture.GITLAB_TOKEN);
        Map<String, String> tokenOnly = WebhookSigner.gitlabToken(WebhookFixture.GITLAB_TOKEN, "Push Hook", "b2");

        assertRefused(fixture.ingress().handle(request("gitlab", tokenOnly, body)), "missing-signature",
                "webhook-id header is missing");
        assertThat(fixture.ingress().handle(request("gitlab", both, body)).status()).isEqualTo(202);
    }

    /** An ingress whose only GitLab secret is the signing token. */
    private WebhookIngress signingOnly() {
        return fixture.ingress(new InMemorySecretStore(Map.of("slipway/webhooks/gitlab-signing", GITLAB_SIGNING)),
                WebhookConfig.defaults());
    }

    private static WebhookRequest request(String provider, Map<String, String> headers, byte[] body) {
        return new WebhookRequest("/webhooks/" + provider, new WebhookHeaders(headers), body);
    }

    /** 401, the error code and message, and nothing recorded or queued. */
    private void assertRefused(WebhookResponse response, String code, String messagePart) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.body()).contains("\"error\":\"" + code + "\"").contains(messagePart);
        assertThat(fixture.queue.queued()).as("a refused request queues nothing").isEmpty();
        assertThat(fixture.ledger.size()).as("a refused request records no delivery").isZero();
    }
}
