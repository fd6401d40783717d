package dev.slipway.functions.webhook;

import dev.slipway.core.scm.Provider;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * GitLab's two mechanisms, each checked when Slipway has its secret:
 * <ul>
 *   <li>{@code X-Gitlab-Token}: the webhook's secret token sent as is, compared in constant time;</li>
 *   <li>the signing token ({@code whsec_<base64 key>}): GitLab follows the Standard Webhooks scheme,
 *       {@code webhook-signature: v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">}
 *       (several space-separated entries while keys rotate), with {@code webhook-timestamp} in Unix
 *       seconds; timestamps outside the tolerance are refused so a captured request cannot be replayed
 *       later.</li>
 * </ul>
 * At least one must be configured; unsigned, untokened requests are never accepted.
 */
final class GitLabAuthenticity implements WebhookAuthenticator {

    static final String TOKEN_HEADER = "X-Gitlab-Token";
    static final String ID_HEADER = "webhook-id";
    static final String TIMESTAMP_HEADER = "webhook-timestamp";
    static final String SIGNATURE_HEADER = "webhook-signature";
    private static final String SECRET_PREFIX = "whsec_";

    private final WebhookSecrets secrets;
    private final Clock clock;
    private final Duration tolerance;

    GitLabAuthenticity(WebhookSecrets secrets, Clock clock, Duration tolerance) {
        this.secrets = secrets;
        this.clock = clock;
        this.tolerance = tolerance;
    }

    /** The {@code webhook-signature} value for one key: also what tests sign with. */
    static String sign(String signingToken, String webhookId, long timestamp, byte[] body) {
        byte[] mac = Hmac.sha256(signingKey(signingToken), (webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        return "v1," + Base64.getEncoder().encodeToString(mac);
    }

    @Override
    public void verify(WebhookHeaders headers, byte[] body) {
        Optional<String> token = secrets.secret(Provider.GITLAB);
        Optional<String> signing = secrets.gitlabSigningToken();
        if (token.isEmpty() && signing.isEmpty()) {
            throw GitHubSignature.notConfigured(secrets.secretName(Provider.GITLAB) + " (the secret token) or "
                    + secrets.gitlabSigningName() + " (the signing token)");
        }
        token.ifPresent(t -> verifyToken(headers, t));
        signing.ifPresent(s -> verifySignature(headers, body, s));
    }

    private void verifyToken(WebhookHeaders headers, String expected) {
        String given = headers.get(TOKEN_HEADER).orElseThrow(() -> WebhookRejectedException.unauthorized(
                "missing-token", "the " + TOKEN_HEADER + " header is missing: set the secret token on the GitLab webhook"));
        if (!Hmac.equal(expected, given)) {
            throw WebhookRejectedException.unauthorized("bad-token", TOKEN_HEADER
                    + " does not match: the webhook's secret token differs from secret "
                    + secrets.secretName(Provider.GITLAB) + " in Slipway's secret store");
        }
    }

    private void verifySignature(WebhookHeaders headers, byte[] body, String signingToken) {
        String why = "set the signing token on the GitLab webhook";
        String id = unauthorizedIfMissing(headers, ID_HEADER, why);
        String timestamp = unauthorizedIfMissing(headers, TIMESTAMP_HEADER, why);
        String given = unauthorizedIfMissing(headers, SIGNATURE_HEADER, why);
        long seconds = parseTimestamp(timestamp);
        Duration skew = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
        if (skew.compareTo(tolerance) > 0) {
            throw WebhookRejectedException.unauthorized("stale-signature", TIMESTAMP_HEADER + " is " + skew.toSeconds()
                    + " s away from Slipway's clock (at most " + tolerance.toSeconds() + " s allowed): "
                    + "a replayed request, or a clock that needs NTP");
        }
        byte[] expected = sign(signingToken, id, seconds, body).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String entry : given.split(" ")) {
            matched |= Hmac.equal(expected, entry.trim().getBytes(StandardCharsets.US_ASCII));
        }
        if (!matched) {
            throw WebhookRejectedException.unauthorized("bad-signature", SIGNATURE_HEADER
                    + " does not match the body: the webhook's signing token differs from secret "
                    + secrets.gitlabSigningName() + " in Slipway's secret store");
        }
    }

    private static String unauthorizedIfMissing(WebhookHeaders headers, String name, String why) {
        return headers.get(name).orElseThrow(() -> WebhookRejectedException.unauthorized("missing-signature",
                "the " + name + " header is missing: " + why));
    }

    private static long parseTimestamp(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw WebhookRejectedException.unauthorized("bad-signature",
                    TIMESTAMP_HEADER + " must be Unix seconds, got '" + value + "'");
        }
    }

    private static byte[] signingKey(String signingToken) {
        String encoded = signingToken.startsWith(SECRET_PREFIX) ? signingToken.substring(SECRET_PREFIX.length()) : signingToken;
        try {
            return Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new WebhookRejectedException(500, "bad-configuration",
                    "GitLab's signing token in Slipway's secret store is not whsec_<base64>: copy it again from GitLab");
        }
    }
}
