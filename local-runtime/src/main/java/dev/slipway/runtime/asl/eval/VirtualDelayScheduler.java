package dev.slipway.runtime.asl.eval;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Virtual time for tests, as a discrete-event simulation: engine work runs on {@link #executor()};
 * when none is left to run, the clock jumps to the earliest pending delay and runs it. A test of a
 * 30-second Wait or an exponential retry runs in microseconds, yet a timeout still fires only if the
 * task really did not finish first.
 */
public final class VirtualDelayScheduler implements DelayScheduler {
    private final Executor base;
    private final Instant origin;
    private final AtomicLong now = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private final PriorityQueue<Pending> pending = new PriorityQueue<>();
    private int inFlight;

    public VirtualDelayScheduler(Executor base, Instant origin) {
        this.base = base;
        this.origin = origin;
    }

    private record Pending(long due, long seq, Runnable task, boolean[] cancelled) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending o) {
            return due != o.due ? Long.compare(due, o.due) : Long.compare(seq, o.seq);
        }
    }

    @Override
    public Handle schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        synchronized (this) {
            pending.add(new Pending(now.get() + Math.max(0, delay.toNanos()), sequence.incrementAndGet(), task, cancelled));
        }
        executor().execute(() -> { });
        return () -> {
            synchronized (this) {
                cancelled[0] = true;
            }
        };
    }

    /** The executor engine work must run on, so that idleness (and hence time) can be observed. */
    public Executor executor() {
        return task -> {
            synchronized (this) {
                inFlight++;
            }
            base.execute(() -> {
                try {
                    task.run();
                } finally {
                    finished();
                }
            });
        };
    }

    private void finished() {
        Pending next = null;
        synchronized (this) {
            inFlight--;
            while (inFlight == 0 && !pending.isEmpty() && next == null) {
                Pending candidate = pending.poll();
                if (!candidate.cancelled()[0]) {
                    next = candidate;
                    now.set(Math.max(now.get(), candidate.due()));
                }
            }
        }
        if (next != null) {
            executor().execute(next.task());
        }
    }

    /** A clock that reads the virtual time. */
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return origin.plusNanos(now.get());
            }
        };
    }
}
