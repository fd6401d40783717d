package dev.slipway.testkit.scm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies the way each provider does, so tests can send what GitHub, Gitea and GitLab
 * send. Written apart from Slipway's verifiers on purpose: a test that signed with the code under
 * test could not catch a mistake in it.
 */
public final class WebhookSigner {

    private WebhookSigner() {
    }

    /** GitHub: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, body)>}. */
    public static Map<String, String> github(String secret, String event, String delivery, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-GitHub-Event", event);
        headers.put("X-GitHub-Delivery", delivery);
        headers.put("X-GitHub-Hook-ID", "30");
        headers.put("User-Agent", "GitHub-Hookshot/044aadd");
        headers.put("Content-Type", "application/json");
        headers.put("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(hmac(utf8(secret), body)));
        return headers;
    }

    /** Gitea/Forgejo: {@code X-Gitea-Signature: <hex HMAC-SHA256(secret, body)>}. */
    public static Map<String, String> gitea(String secret, String event, String delivery, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Gitea-Event", event);
        headers.put("X-Gitea-Event-Type", event);
        headers.put("X-Gitea-Delivery", delivery);
        headers.put("Content-Type", "application/json");
        headers.put("X-Gitea-Signature", HexFormat.of().formatHex(hmac(utf8(secret), body)));
        return headers;
    }

    /** GitLab with a secret token only: {@code X-Gitlab-Token} carries it as is. */
    public static Map<String, String> gitlabToken(String token, String event, String delivery) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Gitlab-Event", event);
        headers.put("X-Gitlab-Event-UUID", delivery);
        headers.put("Idempotency-Key", delivery);
        headers.put("X-Gitlab-Instance", "https://gitlab.example.com");
        headers.put("User-Agent", "GitLab/18.6.0");
        headers.put("Content-Type", "application/json");
        headers.put("X-Gitlab-Token", token);
        return headers;
    }

    /**
     * GitLab with a signing token ({@code whsec_<base64 key>}), Standard Webhooks scheme:
     * {@code webhook-signature: v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<body>")>}; the
     * {@code webhook-id} equals the {@code Idempotency-Key}.
     */
    public static Map<String, String> gitlabSigned(String signingToken, String event, String delivery,
            long unixSeconds, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Gitlab-Event", event);
        headers.put("X-Gitlab-Event-UUID", delivery);
        headers.put("Idempotency-Key", delivery);
        headers.put("Content-Type", "application/json");
        headers.put("webhook-id", delivery);
        headers.put("webhook-timestamp", Long.toString(unixSeconds));
        headers.put("webhook-signature", standardWebhooks(signingToken, delivery, unixSeconds, body));
        return headers;
    }

    /** The Standard Webhooks signature of one message. */
    public static String standardWebhooks(String signingToken, String id, long unixSeconds, byte[] body) {
        byte[] key = Base64.getDecoder().decode(signingToken.replaceFirst("^whsec_", ""));
        byte[] prefix = utf8(id + "." + unixSeconds + ".");
        byte[] content = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return "v1," + Base64.getEncoder().encodeToString(hmac(key, content));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
