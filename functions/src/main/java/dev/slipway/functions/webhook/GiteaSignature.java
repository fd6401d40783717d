package dev.slipway.functions.webhook;

import dev.slipway.core.scm.Provider;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Gitea's (and Forgejo's) scheme: {@code X-Gitea-Signature: <hex HMAC-SHA256 of the body, keyed with
 * the webhook secret>}, without a prefix.
 */
final class GiteaSignature implements WebhookAuthenticator {

    static final String HEADER = "X-Gitea-Signature";

    private final WebhookSecrets secrets;

    GiteaSignature(WebhookSecrets secrets) {
        this.secrets = secrets;
    }

    static String sign(String secret, byte[] body) {
        return HexFormat.of().formatHex(Hmac.sha256(secret, body));
    }

    @Override
    public void verify(WebhookHeaders headers, byte[] body) {
        String given = headers.get(HEADER).orElseThrow(() -> WebhookRejectedException.unauthorized("missing-signature",
                "the " + HEADER + " header is missing: set a secret on the Gitea webhook"));
        String secret = secrets.secret(Provider.GITEA)
                .orElseThrow(() -> GitHubSignature.notConfigured(secrets.secretName(Provider.GITEA)));
        byte[] expected = sign(secret, body).getBytes(StandardCharsets.US_ASCII);
        if (!Hmac.equal(expected, given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw WebhookRejectedException.unauthorized("bad-signature", HEADER
                    + " does not match the body: the webhook's secret differs from secret "
                    + secrets.secretName(Provider.GITEA) + " in Slipway's secret store");
        }
    }
}
