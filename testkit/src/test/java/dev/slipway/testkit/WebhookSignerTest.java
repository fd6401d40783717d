package dev.slipway.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testkit.scm.WebhookSigner;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    @Test
    void signsGitHubsPublishedTestVector() {
        // "Validating webhook deliveries", GitHub Docs: secret "It's a Secret to Everybody", payload "Hello, World!".
        byte[] body = "Hello, World!".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSigner.github("It's a Secret to Everybody", "push", "d", body))
                .containsEntry("X-Hub-Signature-256",
                        "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    }

    @Test
    void signsTheStandardWebhooksTestVector() {
        // The Standard Webhooks specification's example, which GitLab's signing token follows.
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSigner.standardWebhooks("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, body))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }
}
