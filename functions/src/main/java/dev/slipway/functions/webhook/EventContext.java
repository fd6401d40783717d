package dev.slipway.functions.webhook;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.scm.Provider;
import java.time.Instant;

/** What is known about a delivery before its payload is read. */
record EventContext(Provider provider, String eventName, String deliveryId, Instant receivedAt) {

    BuildId buildId() {
        return BuildId.forDelivery(provider, deliveryId);
    }
}
