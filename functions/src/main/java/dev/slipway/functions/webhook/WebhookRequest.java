package dev.slipway.functions.webhook;

/**
 * A webhook as received: the provider named by the path ({@code /webhooks/<provider>}), the headers
 * and the body's raw bytes, exactly as they were signed.
 */
public record WebhookRequest(String providerPath, WebhookHeaders headers, byte[] body) {
}
