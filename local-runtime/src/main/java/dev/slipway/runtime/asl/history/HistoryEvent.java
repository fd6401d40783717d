package dev.slipway.runtime.asl.history;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One recorded event, as GetExecutionHistory returns it. {@code scope} is the engine's own
 * bookkeeping and never leaves the API: "" for the top level, e.g. "MapState/3" inside an iteration,
 * so that a restart can find where the top level stood. {@code internal} is engine-only data too: for a StateExited, the state it leads to
 * ("" at an end); for a TaskScheduled of a .waitForTaskToken task, its token.
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, HistoryEventType type,
                           ObjectNode details, String scope, String internal) {

    public boolean topLevel() {
        return scope.isEmpty();
    }
}
