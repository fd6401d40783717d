package dev.slipway.testkit.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.ingress.DeliveryClaim;
import dev.slipway.core.ingress.DeliveryKey;
import dev.slipway.core.ingress.DeliveryLedger;
import dev.slipway.core.scm.Provider;
import dev.slipway.testkit.Concurrently;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link DeliveryLedger} contract: every implementation's test extends this. */
public abstract class DeliveryLedgerContract {

    // Now, not a fixed date: DynamoDB Local deletes items whose TTL has passed, as DynamoDB does.
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration RETENTION = Duration.ofDays(7);

    private DeliveryLedger ledger;
    private DeliveryKey key;
    private BuildId build;

    protected abstract DeliveryLedger newLedger();

    @BeforeEach
    void setUpLedger() {
        ledger = newLedger();
        String delivery = UUID.randomUUID().toString();
        key = new DeliveryKey(Provider.GITHUB, delivery);
        build = BuildId.forDelivery(Provider.GITHUB, delivery);
    }

    @Test
    void aNewDeliveryIsClaimed() {
        assertThat(ledger.claim(key, build, T0, LEASE)).isEqualTo(new DeliveryClaim.Claimed(false));
    }

    @Test
    void aQueuedDeliveryIsADuplicateNamingItsBuild() {
        ledger.claim(key, build, T0, LEASE);
        ledger.markQueued(key, T0.plusSeconds(1), RETENTION);

        assertThat(ledger.claim(key, build, T0.plusSeconds(60), LEASE)).isEqualTo(new DeliveryClaim.AlreadyQueued(build));
        assertThat(ledger.claim(key, build, T0.plus(Duration.ofDays(6)), LEASE))
                .isEqualTo(new DeliveryClaim.AlreadyQueued(build));
    }

    @Test
    void aDeliveryBeingProcessedIsInProgressUntilItsLeaseEnds() {
        ledger.claim(key, build, T0, LEASE);

        assertThat(ledger.claim(key, build, T0.plusSeconds(10), LEASE))
                .isEqualTo(new DeliveryClaim.InProgress(T0.plus(LEASE)));
        assertThat(ledger.claim(key, build, T0.plus(LEASE).plusSeconds(1), LEASE))
                .isEqualTo(new DeliveryClaim.Claimed(true));
    }

    @Test
    void aReleasedDeliveryIsProcessedAgainAtOnce() {
        ledger.claim(key, build, T0, LEASE);
        ledger.release(key);
        ledger.release(key);

        assertThat(ledger.claim(key, build, T0.plusSeconds(1), LEASE)).isEqualTo(new DeliveryClaim.Claimed(true));
    }

    @Test
    void releaseDoesNotUndoAQueuedDelivery() {
        ledger.claim(key, build, T0, LEASE);
        ledger.markQueued(key, T0, RETENTION);
        ledger.release(key);

        assertThat(ledger.claim(key, build, T0.plusSeconds(1), LEASE)).isEqualTo(new DeliveryClaim.AlreadyQueued(build));
    }

    @Test
    void markQueuedTwiceIsHarmless() {
        ledger.claim(key, build, T0, LEASE);
        ledger.markQueued(key, T0, RETENTION);
        ledger.markQueued(key, T0, RETENTION);

        assertThat(ledger.claim(key, build, T0.plusSeconds(1), LEASE)).isEqualTo(new DeliveryClaim.AlreadyQueued(build));
    }

    @Test
    void anExpiredDeliveryCountsAsNewEvenBeforeStorageDeletesIt() {
        ledger.claim(key, build, T0, LEASE);
        ledger.markQueued(key, T0, RETENTION);

        assertThat(ledger.claim(key, build, T0.plus(RETENTION).plusSeconds(1), LEASE))
                .isEqualTo(new DeliveryClaim.Claimed(false));
    }

    @Test
    void markingAnUnclaimedDeliveryQueuedIsRefused() {
        assertThatThrownBy(() -> ledger.markQueued(key, T0, RETENTION))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("claim before markQueued");
    }

    @Test
    void keysOfDifferentProvidersAreDistinct() {
        ledger.claim(key, build, T0, LEASE);
        ledger.markQueued(key, T0, RETENTION);
        DeliveryKey gitea = new DeliveryKey(Provider.GITEA, key.deliveryId());

        assertThat(ledger.claim(gitea, BuildId.forDelivery(Provider.GITEA, key.deliveryId()), T0, LEASE))
                .isEqualTo(new DeliveryClaim.Claimed(false));
    }

    @Test
    void ofManyConcurrentClaimsExactlyOneWins() throws Exception {
        List<DeliveryClaim> claims = Concurrently.run(16, () -> ledger.claim(key, build, T0, LEASE));

        assertThat(claims).filteredOn(c -> c instanceof DeliveryClaim.Claimed).hasSize(1);
        assertThat(claims).filteredOn(c -> c instanceof DeliveryClaim.InProgress).hasSize(15);
    }
}
