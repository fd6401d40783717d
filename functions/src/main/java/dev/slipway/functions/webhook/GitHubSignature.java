package dev.slipway.functions.webhook;

import dev.slipway.core.scm.Provider;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * GitHub's scheme: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body, keyed with the
 * webhook secret>} ("Validating webhook deliveries", GitHub Docs).
 */
final class GitHubSignature implements WebhookAuthenticator {

    static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    private final WebhookSecrets secrets;

    GitHubSignature(WebhookSecrets secrets) {
        this.secrets = secrets;
    }

    /** The header value GitHub sends for {@code body}: also what tests sign with. */
    static String sign(String secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(Hmac.sha256(secret, body));
    }

    @Override
    public void verify(WebhookHeaders headers, byte[] body) {
        String given = headers.get(HEADER).orElseThrow(() -> WebhookRejectedException.unauthorized("missing-signature",
                "the " + HEADER + " header is missing: set a secret on the GitHub webhook (Settings > Webhooks)"));
        String secret = secrets.secret(Provider.GITHUB).orElseThrow(() -> notConfigured(secrets.secretName(Provider.GITHUB)));
        byte[] expected = sign(secret, body).getBytes(StandardCharsets.US_ASCII);
        if (!Hmac.equal(expected, given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw WebhookRejectedException.unauthorized("bad-signature", HEADER
                    + " does not match the body: the webhook's secret differs from secret "
                    + secrets.secretName(Provider.GITHUB) + " in Slipway's secret store");
        }
    }

    static WebhookRejectedException notConfigured(String secretName) {
        return WebhookRejectedException.unauthorized("not-configured",
                "Slipway has no webhook secret for this provider: create secret " + secretName);
    }
}
