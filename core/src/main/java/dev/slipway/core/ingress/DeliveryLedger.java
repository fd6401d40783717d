package dev.slipway.core.ingress;

import dev.slipway.core.build.BuildId;
import java.time.Duration;
import java.time.Instant;

/**
 * Remembers which webhook deliveries have been queued, so that a duplicate delivery starts no
 * second build while a redelivery of one that failed before it was queued is processed (GitHub
 * redelivers with the same {@code X-GitHub-Delivery}).
 *
 * <p>Call order for one delivery: {@link #claim}; if {@link DeliveryClaim.Claimed}, enqueue the build
 * and then {@link #markQueued}; if enqueueing fails, {@link #release} so the next redelivery is
 * processed at once. A caller that dies between claim and markQueued leaves a claim that expires
 * after its lease, after which a redelivery is processed too.
 *
 * <p>Contract, checked by {@code DeliveryLedgerContract}:
 * <ul>
 *   <li>{@link #claim} is one conditional write: of any number of concurrent claims of one key,
 *       exactly one gets {@code Claimed}.</li>
 *   <li>A key that is queued answers {@code AlreadyQueued} until it expires ({@code retention} after
 *       it was queued); an expired key counts as absent even if storage has not deleted it yet
 *       (DynamoDB TTL deletes lazily, up to days later).</li>
 *   <li>A claimed, not queued key answers {@code InProgress} until its lease ends, then it can be
 *       claimed again ({@code Claimed(redelivery=true)}); a released key can be claimed at once.</li>
 *   <li>{@link #markQueued} and {@link #release} are safe to call twice. Thread-safe.</li>
 * </ul>
 */
public interface DeliveryLedger {

    /** Claims the delivery for {@code build} until {@code now + lease}. */
    DeliveryClaim claim(DeliveryKey key, BuildId build, Instant now, Duration lease);

    /** Records that the delivery's build is queued; it stays a duplicate until {@code now + retention}. */
    void markQueued(DeliveryKey key, Instant now, Duration retention);

    /** Gives a claim up without queueing: the next delivery of the key is processed. */
    void release(DeliveryKey key);
}
