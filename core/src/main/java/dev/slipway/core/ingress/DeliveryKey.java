package dev.slipway.core.ingress;

import dev.slipway.core.scm.Provider;
import java.util.Objects;

/** A webhook delivery as the provider identifies it: redeliveries carry the same key. */
public record DeliveryKey(Provider provider, String deliveryId) {

    public DeliveryKey {
        Objects.requireNonNull(provider, "provider");
        if (deliveryId == null || deliveryId.isBlank()) {
            throw new IllegalArgumentException("a " + provider.id() + " delivery needs an id");
        }
    }

    /** One string for storage keys: {@code github:72d3162e-...}. */
    public String asString() {
        return provider.id() + ":" + deliveryId;
    }
}
