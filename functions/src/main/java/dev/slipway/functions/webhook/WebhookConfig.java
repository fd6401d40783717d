package dev.slipway.functions.webhook;

import java.time.Duration;

/**
 * Settings of the webhook function.
 *
 * @param maxBodyBytes       larger bodies get 413 (API Gateway itself stops at 10 MB, Lambda at 6 MB)
 * @param claimLease         how long an attempt holds a delivery before a redelivery may take over;
 *                           longer than the function's timeout
 * @param deliveryRetention  how long a queued delivery is remembered as a duplicate; longer than
 *                           providers redeliver (GitHub keeps deliveries for 3 days)
 * @param signatureTolerance how far a signed timestamp (GitLab's webhook-timestamp) may be from now
 * @param secretPrefix       where the webhook secrets live in the secret store
 */
public record WebhookConfig(int maxBodyBytes, Duration claimLease, Duration deliveryRetention,
        Duration signatureTolerance, String secretPrefix) {

    public static WebhookConfig defaults() {
        return new WebhookConfig(5 * 1024 * 1024, Duration.ofMinutes(2), Duration.ofDays(7), Duration.ofMinutes(5),
                WebhookSecrets.DEFAULT_PREFIX);
    }

    public WebhookConfig withMaxBodyBytes(int bytes) {
        return new WebhookConfig(bytes, claimLease, deliveryRetention, signatureTolerance, secretPrefix);
    }
}
