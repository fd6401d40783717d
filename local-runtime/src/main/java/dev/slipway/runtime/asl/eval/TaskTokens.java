package dev.slipway.runtime.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tasks parked on a token ({@code .waitForTaskToken}) until SendTaskSuccess/Failure/Heartbeat. A
 * parked task is a map entry and a future: no thread, which is why 10,000 can wait at once.
 */
public final class TaskTokens {
    private final Map<String, Parked> parked = new ConcurrentHashMap<>();

    /** A parked task: {@code heartbeat} restarts its heartbeat timer (a no-op without HeartbeatSeconds). */
    record Parked(String executionArn, CompletableFuture<JsonNode> result, Runnable heartbeat) {
    }

    static String newToken() {
        return "slipway-token-" + UUID.randomUUID() + "-" + UUID.randomUUID();
    }

    void park(String token, String executionArn, CompletableFuture<JsonNode> result, Runnable heartbeat) {
        Parked reserved = parked.put(token, new Parked(executionArn, result, heartbeat));
        if (reserved != null && reserved.result() != result) {
            // An answer that came after the restart but before the task was resumed is not lost.
            reserved.result().whenComplete((v, e) -> {
                if (e != null) {
                    result.completeExceptionally(e);
                } else {
                    result.complete(v);
                }
            });
        }
        result.whenComplete((v, e) -> parked.remove(token));
    }

    /**
     * After a restart, before the executions resume: a token that was parked is accepted at once, and
     * what SendTask* answers waits for the task to be resumed ({@link #park}) instead of being refused.
     */
    void reserve(String token, String executionArn) {
        parked.putIfAbsent(token, new Parked(executionArn, new CompletableFuture<>(), () -> { }));
    }

    public boolean wellFormed(String token) {
        return token != null && token.startsWith("slipway-token-");
    }

    /** Completes the task; false when no task waits on the token (finished, timed out, or never existed). */
    public boolean succeed(String token, JsonNode output) {
        Parked p = parked.get(token);
        return p != null && p.result().complete(output);
    }

    public boolean fail(String token, String error, String cause) {
        Parked p = parked.get(token);
        return p != null && p.result().completeExceptionally(new StateFailedException(error, cause));
    }

    public boolean heartbeat(String token) {
        Parked p = parked.get(token);
        if (p == null) {
            return false;
        }
        p.heartbeat().run();
        return true;
    }

    public boolean waiting(String token) {
        return parked.containsKey(token);
    }

    public int size() {
        return parked.size();
    }

    /** Drops every token of a stopped execution, so late SendTask* calls get TaskTimedOut-like answers. */
    public void abandon(String executionArn) {
        parked.entrySet().removeIf(e -> e.getValue().executionArn().equals(executionArn));
    }
}
