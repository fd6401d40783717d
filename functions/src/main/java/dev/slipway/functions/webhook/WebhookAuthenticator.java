package dev.slipway.functions.webhook;

/**
 * Checks that a webhook request really comes from the provider, on the raw body bytes and in
 * constant time, before anything else looks at it. Throws {@link WebhookRejectedException} (401)
 * saying what did not match; returns normally when the request is authentic.
 */
sealed interface WebhookAuthenticator permits GitHubSignature, GiteaSignature, GitLabAuthenticity {

    void verify(WebhookHeaders headers, byte[] body);
}
