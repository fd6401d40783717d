package dev.slipway.testkit.ingress;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.ingress.DeliveryClaim;
import dev.slipway.core.ingress.DeliveryKey;
import dev.slipway.core.ingress.DeliveryLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A {@link DeliveryLedger} in a map, with the same expiry rules as the DynamoDB one. */
public final class InMemoryDeliveryLedger implements DeliveryLedger {

    private record Entry(BuildId build, boolean queued, Instant until) {
    }

    private final Map<DeliveryKey, Entry> entries = new HashMap<>();

    @Override
    public synchronized DeliveryClaim claim(DeliveryKey key, BuildId build, Instant now, Duration lease) {
        Entry existing = entries.get(key);
        boolean live = existing != null && now.isBefore(existing.until());
        if (live && existing.queued()) {
            return new DeliveryClaim.AlreadyQueued(existing.build());
        }
        if (live) {
            return new DeliveryClaim.InProgress(existing.until());
        }
        entries.put(key, new Entry(build, false, now.plus(lease)));
        return new DeliveryClaim.Claimed(existing != null && !existing.queued());
    }

    @Override
    public synchronized void markQueued(DeliveryKey key, Instant now, Duration retention) {
        Entry existing = entries.get(key);
        if (existing == null) {
            throw new IllegalStateException("delivery " + key.asString() + " was never claimed: claim before markQueued");
        }
        entries.put(key, new Entry(existing.build(), true, now.plus(retention)));
    }

    @Override
    public synchronized void release(DeliveryKey key) {
        Entry existing = entries.get(key);
        if (existing != null && !existing.queued()) {
            entries.put(key, new Entry(existing.build(), false, Instant.MIN));
        }
    }

    /** How many deliveries were ever claimed: lets tests prove a refused request recorded nothing. */
    public synchronized int size() {
        return entries.size();
    }
}
