package dev.slipway.bot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Pacing computed on a hand-moved clock: what the pacer would wait, not how long a test takes. */
class ChannelPacerTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Duration> waits = new ArrayList<>();
    private final ChannelPacer pacer = new ChannelPacer(Duration.ofSeconds(1), now::get, d -> {
        waits.add(d);
        now.addAndGet(d.toNanos());
    });

    @Test
    void theFirstSendGoesAtOnceAndTheNextWaitsOutTheInterval() {
        pacer.await("C1");
        pacer.await("C1");
        now.addAndGet(Duration.ofMillis(300).toNanos());
        pacer.await("C1");
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(700));
    }

    @Test
    void channelsArePacedApart() {
        pacer.await("C1");
        pacer.await("C2");
        assertThat(waits).isEmpty();
    }

    @Test
    void aRetryAfterHoldsTheChannelBack() {
        pacer.await("C1");
        pacer.backOff("C1", Duration.ofSeconds(3));
        pacer.await("C1");
        assertThat(waits).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void afterAQuietSpellThereIsNoWait() {
        pacer.await("C1");
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        pacer.await("C1");
        assertThat(waits).isEmpty();
    }

    @Test
    void aChannelPostedToByNameIsPacedWithItsId() {
        pacer.await("#deploys");
        pacer.sameChannel("#deploys", "C0DEPLOYS");
        pacer.await("C0DEPLOYS");
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
    }
}
