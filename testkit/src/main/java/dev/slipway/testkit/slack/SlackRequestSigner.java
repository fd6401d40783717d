package dev.slipway.testkit.slack;

import java.net.URLEncoder;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests the way Slack signs what it sends to an app (api.slack.com/authentication/
 * verifying-requests-from-slack): {@code X-Slack-Signature: v0=hex(HMAC-SHA256(secret,
 * "v0:" + timestamp + ":" + body))} and {@code X-Slack-Request-Timestamp: timestamp} (epoch seconds).
 * Also builds the bodies Slack sends: slash commands and interactions are form-encoded (an
 * interaction is one {@code payload} field holding JSON); events are JSON.
 */
public final class SlackRequestSigner {

    /** A body and the headers Slack would send with it. */
    public record SignedRequest(String body, String contentType, Map<String, String> headers) {

        /** The same request as Slack's retry number {@code n} ({@code X-Slack-Retry-Num}), same signature. */
        public SignedRequest retry(int n, String reason) {
            Map<String, String> retried = new LinkedHashMap<>(headers);
            retried.put("X-Slack-Retry-Num", Integer.toString(n));
            retried.put("X-Slack-Retry-Reason", reason);
            return new SignedRequest(body, contentType, Map.copyOf(retried));
        }

        /** The request as Slack posts it to an app's request URL (its headers carry the content type). */
        public HttpRequest post(URI requestUrl) {
            HttpRequest.Builder post = HttpRequest.newBuilder(requestUrl).POST(HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(post::header);
            return post.build();
        }
    }

    private final String signingSecret;
    private final Clock clock;

    public SlackRequestSigner(String signingSecret, Clock clock) {
        this.signingSecret = signingSecret;
        this.clock = clock;
    }

    public SlackRequestSigner(String signingSecret) {
        this(signingSecret, Clock.systemUTC());
    }

    /** {@code v0=} and the hex HMAC of {@code v0:timestamp:body}. */
    public String signature(long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JRE", e);
        }
    }

    public SignedRequest sign(String body, String contentType) {
        return signAt(clock.instant(), body, contentType);
    }

    public SignedRequest signAt(Instant when, String body, String contentType) {
        long timestamp = when.getEpochSecond();
        return new SignedRequest(body, contentType, Map.of(
                "Content-Type", contentType,
                "X-Slack-Request-Timestamp", Long.toString(timestamp),
                "X-Slack-Signature", signature(timestamp, body)));
    }

    /** A form body from ordered fields, encoded as Slack encodes slash command posts. */
    public static String form(Map<String, String> fields) {
        StringJoiner joined = new StringJoiner("&");
        fields.forEach((k, v) -> joined.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return joined.toString();
    }

    public SignedRequest command(Map<String, String> fields) {
        return sign(form(fields), "application/x-www-form-urlencoded");
    }

    /** An interaction (button click, ...): {@code payload=<url-encoded JSON>}. */
    public SignedRequest interaction(String payloadJson) {
        return sign(form(Map.of("payload", payloadJson)), "application/x-www-form-urlencoded");
    }

    public SignedRequest event(String json) {
        return sign(json, "application/json");
    }
}
