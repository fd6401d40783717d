package dev.slipway.bot.notify;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keeps at least {@code interval} between two sends to one channel (Slack: "1 message per second
 * per channel", short bursts tolerated), and holds a channel back for as long as a 429's
 * {@code Retry-After} says. Sends to different channels do not wait for each other.
 */
final class ChannelPacer {

    /** How the pacer waits; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Duration interval;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final Map<String, Long> nextAllowed = new HashMap<>();

    ChannelPacer(Duration interval, LongSupplier nanoTime, Sleeper sleeper) {
        this.interval = interval;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** Waits until {@code channel} may be sent to, and counts the send. */
    void await(String channel) {
        long waitNanos;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            long allowed = nextAllowed.getOrDefault(channel, now);
            long sendAt = Math.max(now, allowed);
            nextAllowed.put(channel, sendAt + interval.toNanos());
            waitNanos = sendAt - now;
        }
        sleep(waitNanos);
    }

    /** Slack said 429: nothing goes to {@code channel} for {@code retryAfter}. */
    void backOff(String channel, Duration retryAfter) {
        synchronized (this) {
            long until = nanoTime.getAsLong() + retryAfter.toNanos();
            nextAllowed.merge(channel, until, Math::max);
        }
    }

    /** {@code name} turned out to be {@code id}: from now on they share one pace. */
    void sameChannel(String name, String id) {
        synchronized (this) {
            Long named = nextAllowed.remove(name);
            if (named != null && !name.equals(id)) {
                nextAllowed.merge(id, named, Math::max);
            } else if (named != null) {
                nextAllowed.put(id, named);
            }
        }
    }

    private void sleep(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            sleeper.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotificationFailedException("interrupted while waiting for Slack's rate limit", e);
        }
    }
}
