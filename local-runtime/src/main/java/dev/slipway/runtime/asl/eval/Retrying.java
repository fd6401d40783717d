package dev.slipway.runtime.asl.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.runtime.asl.model.Retrier;
import dev.slipway.runtime.asl.model.State;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Retry: each Retrier counts its own attempts; the wait before retry n is
 * {@code IntervalSeconds * BackoffRate^(n-1)}, capped by MaxDelaySeconds, and with
 * {@code JitterStrategy: FULL} a random time up to that. Waiting holds no thread.
 */
final class Retrying {
    private final DelayScheduler scheduler;

    Retrying(DelayScheduler scheduler) {
        this.scheduler = scheduler;
    }

    CompletableFuture<Outcome> run(State state, StateCall call, Supplier<CompletableFuture<Outcome>> attempt) {
        List<Retrier> retriers = state.common().retriers();
        if (retriers.isEmpty()) {
            return safely(attempt);
        }
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        attempt(state, call, attempt, new int[retriers.size()], result);
        return result;
    }

    private void attempt(State state, StateCall call, Supplier<CompletableFuture<Outcome>> attempt, int[] counts,
                         CompletableFuture<Outcome> result) {
        safely(attempt).whenComplete((outcome, error) -> {
            if (error == null) {
                result.complete(outcome);
                return;
            }
            StateFailedException failure = StateTemplate.unwrap(error);
            int index = failure == null ? -1 : ErrorMatching.firstRetrier(state, failure);
            if (index < 0 || counts[index] >= state.common().retriers().get(index).maxAttempts()) {
                result.completeExceptionally(failure == null ? error : failure);
                return;
            }
            Duration delay = delay(state.common().retriers().get(index), counts[index]);
            counts[index]++;
            ObjectNode stateContext = (ObjectNode) call.context().get("State");
            stateContext.put("RetryCount", sum(counts));
            scheduler.schedule(delay, () -> attempt(state, call, attempt, counts, result));
        });
    }

    static Duration delay(Retrier retrier, int previousRetries) {
        double seconds = retrier.intervalSeconds() * Math.pow(retrier.backoffRate(), previousRetries);
        if (retrier.maxDelaySeconds() != null) {
            seconds = Math.min(seconds, retrier.maxDelaySeconds());
        }
        if (retrier.fullJitter()) {
            seconds = ThreadLocalRandom.current().nextDouble() * seconds;
        }
        return Duration.ofNanos((long) (seconds * 1_000_000_000L));
    }

    private static int sum(int[] counts) {
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        return total;
    }

    static <T> CompletableFuture<T> safely(Supplier<CompletableFuture<T>> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
