package dev.slipway.testkit.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackRequestSignerTest {

    /** The worked example on api.slack.com/authentication/verifying-requests-from-slack. */
    @Test
    void reproducesSlacksPublishedExample() throws Exception {
        String body = SlackWebApiServerTest.fixture("signing-example-body.txt");
        SlackRequestSigner signer = new SlackRequestSigner("8f742231b10e8888abcd99yyyzzz85a5");
        assertThat(signer.signature(1531420618L, body))
                .isEqualTo("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
    }

    @Test
    void signsWithTheClocksTimestampAndTheExactBody() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
        SlackRequestSigner signer = new SlackRequestSigner("s3cret", clock);
        SlackRequestSigner.SignedRequest signed = signer.command(Map.of("command", "/deploy", "text", "api to prod"));
        assertThat(signed.headers()).containsEntry("X-Slack-Request-Timestamp", "1700000000")
                .containsEntry("Content-Type", "application/x-www-form-urlencoded")
                .containsEntry("X-Slack-Signature", signer.signature(1_700_000_000L, signed.body()));
        assertThat(signer.signature(1_700_000_000L, signed.body() + " "))
                .isNotEqualTo(signed.headers().get("X-Slack-Signature"));
    }

    @Test
    void interactionsCarryTheJsonInOnePayloadField() {
        SlackRequestSigner.SignedRequest signed = new SlackRequestSigner("s").interaction("{\"type\":\"block_actions\"}");
        assertThat(signed.body()).startsWith("payload=");
        assertThat(URLDecoder.decode(signed.body().substring(8), StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"block_actions\"}");
    }

    @Test
    void aRetryKeepsTheSignatureAndAddsTheRetryHeaders() {
        SlackRequestSigner.SignedRequest signed = new SlackRequestSigner("s").event("{}");
        SlackRequestSigner.SignedRequest retried = signed.retry(1, "http_timeout");
        assertThat(retried.headers()).containsEntry("X-Slack-Retry-Num", "1")
                .containsEntry("X-Slack-Retry-Reason", "http_timeout")
                .containsEntry("X-Slack-Signature", signed.headers().get("X-Slack-Signature"));
    }
}
