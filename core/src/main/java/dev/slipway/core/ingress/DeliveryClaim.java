package dev.slipway.core.ingress;

import dev.slipway.core.build.BuildId;
import java.time.Instant;

/** The ledger's answer to "may I process this delivery?". */
public sealed interface DeliveryClaim {

    /**
     * Go ahead: record, enqueue, then {@link DeliveryLedger#markQueued}.
     *
     * @param redelivery true when an earlier attempt claimed the delivery but never queued it
     */
    record Claimed(boolean redelivery) implements DeliveryClaim {
    }

    /** A duplicate: this delivery was already queued as {@code build}. Start nothing. */
    record AlreadyQueued(BuildId build) implements DeliveryClaim {
    }

    /**
     * Another attempt is processing this delivery right now; it holds the claim until {@code leaseUntil}.
     * Start nothing; if that attempt dies, a later redelivery will be processed.
     */
    record InProgress(Instant leaseUntil) implements DeliveryClaim {
    }
}
