package dev.slipway.functions.webhook;

/**
 * Turns one provider's payload into a provider-neutral {@link WebhookEvent}. Provider JSON stops
 * here: nothing behind it sees a provider's field names.
 */
sealed interface EventNormaliser permits GitHubStyleEvents, GitLabEvents {

    WebhookEvent normalise(EventContext context, Payload payload);
}
