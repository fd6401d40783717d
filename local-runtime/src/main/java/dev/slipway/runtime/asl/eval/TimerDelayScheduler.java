package dev.slipway.runtime.asl.eval;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Real time: one timer thread keeps every pending delay in a priority queue and hands due work to
 * the engine's executor, so the timer thread never runs state code.
 */
public final class TimerDelayScheduler implements DelayScheduler, AutoCloseable {
    private final ScheduledThreadPoolExecutor timer;
    private final Executor work;

    public TimerDelayScheduler(Executor work) {
        this.work = work;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "slipway-asl-timer");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Handle schedule(Duration delay, Runnable task) {
        if (delay.isZero() || delay.isNegative()) {
            work.execute(task);
            return () -> { };
        }
        ScheduledFuture<?> future = timer.schedule(() -> work.execute(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
