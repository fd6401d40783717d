package dev.slipway.functions.webhook;

import dev.slipway.core.build.BuildRequest;

/** What a verified webhook amounts to, once its provider JSON has been read. */
sealed interface WebhookEvent {

    /** A build to queue. */
    record Build(BuildRequest request) implements WebhookEvent {
    }

    /** Nothing to do, for a reason the sender is told (branch deleted, [skip ci], unhandled event). */
    record Ignored(String reason) implements WebhookEvent {
    }

    /** The provider checking that the hook works. */
    record Ping(String detail) implements WebhookEvent {
    }
}
