package dev.slipway.runtime.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.runtime.asl.history.EngineStore;
import dev.slipway.runtime.asl.history.ExecutionRecord;
import dev.slipway.runtime.asl.history.HistoryEvent;
import dev.slipway.runtime.asl.history.HistoryEventType;
import dev.slipway.runtime.asl.model.Program;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One execution. Its history is the source of truth: every step is appended (to memory and to the
 * store) as it happens, and the status fields below are a cache of what the closing event says.
 */
public final class Execution {
    private final ExecutionRecord record;
    private final Program program;
    private final EngineStore store;
    private final Clock clock;
    private final List<HistoryEvent> events = new ArrayList<>();
    private volatile CompletableFuture<Execution> done = new CompletableFuture<>();
    private final JsonNode input;
    private volatile ObjectNode contextExecution;
    private volatile ObjectNode contextStateMachine;
    private volatile Variables variables = Variables.root();
    private volatile ExecutionStatus status = ExecutionStatus.RUNNING;
    private volatile JsonNode output;
    private volatile String error;
    private volatile String cause;
    private volatile Instant stopDate;
    private volatile int redriveCount;
    private volatile Instant redriveDate;

    public Execution(ExecutionRecord record, Program program, EngineStore store, Clock clock) {
        this.record = record;
        this.program = program;
        this.store = store;
        this.clock = clock;
        this.redriveCount = record.redriveCount();
        this.input = Json.parse(record.input());
    }

    /** {@code $$.Execution}, shared by every state: nothing may change it. */
    ObjectNode contextExecution() {
        ObjectNode cached = contextExecution;
        if (cached == null) {
            cached = ContextObject.execution(this);
            contextExecution = cached;
        }
        return cached;
    }

    ObjectNode contextStateMachine() {
        ObjectNode cached = contextStateMachine;
        if (cached == null) {
            cached = ContextObject.stateMachine(record);
            contextStateMachine = cached;
        }
        return cached;
    }

    /** The parsed input, shared by every state's context object: nothing may change it. */
    public JsonNode input() {
        return input;
    }

    /** Appends an event; {@code details} may be null for events that carry none. */
    public HistoryEvent append(HistoryEventType type, ObjectNode details, String scope, String internal) {
        synchronized (events) {
            if (!status.open()) {
                // A branch or timer still finishing after the execution closed: AWS records nothing after the end.
                throw new java.util.concurrent.CancellationException("Execution " + record.executionArn()
                        + " is closed; " + type + " was not recorded");
            }
            long id = events.size() + 1L;
            HistoryEvent event = new HistoryEvent(id, id - 1, clock.instant(), type,
                    details == null ? Json.object() : details, scope, internal);
            store.append(record.executionArn(), event);
            events.add(event);
            return event;
        }
    }

    /** Loads recorded events on recovery, without writing them again. */
    public void restore(List<HistoryEvent> recorded) {
        synchronized (events) {
            events.addAll(recorded);
        }
    }

    public List<HistoryEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    public long lastEventId() {
        synchronized (events) {
            return events.size();
        }
    }

    /**
     * Records the closing event and closes, atomically: no other event can slip in after it. Returns
     * false (recording nothing) when the execution was already closed.
     */
    boolean close(HistoryEventType type, ObjectNode details, ExecutionStatus finalStatus, JsonNode finalOutput,
                  String finalError, String finalCause) {
        synchronized (events) {
            if (!status.open()) {
                return false;
            }
            HistoryEvent closing = append(type, details, "", null);
            closeAt(closing.timestamp(), finalStatus, finalOutput, finalError, finalCause);
            return true;
        }
    }

    /** Closes at the time of the closing event, so a reload from the history reports the same stop time. */
    void closeAt(Instant when, ExecutionStatus finalStatus, JsonNode finalOutput, String finalError, String finalCause) {
        this.output = finalOutput;
        this.error = finalError;
        this.cause = finalCause;
        this.stopDate = when;
        this.status = finalStatus;
        done.complete(this);
    }

    /** After a restart: the redrives the history records. */
    void restoreRedrives(int count, Instant last) {
        this.redriveCount = count;
        this.redriveDate = last;
        this.contextExecution = null;
    }

    void reopenForRedrive(Instant when) {
        this.done = new CompletableFuture<>();
        this.redriveCount++;
        this.contextExecution = null;
        this.redriveDate = when;
        this.status = ExecutionStatus.RUNNING;
        this.output = null;
        this.error = null;
        this.cause = null;
        this.stopDate = null;
    }

    public CompletableFuture<Execution> done() {
        return done;
    }

    public ExecutionRecord record() {
        return record;
    }

    public Program program() {
        return program;
    }

    public String arn() {
        return record.executionArn();
    }

    public ExecutionStatus status() {
        return status;
    }

    public JsonNode output() {
        return output;
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }

    public Instant stopDate() {
        return stopDate;
    }

    public int redriveCount() {
        return redriveCount;
    }

    public Instant redriveDate() {
        return redriveDate;
    }

    public Variables variables() {
        return variables;
    }

    void variables(Variables replacement) {
        this.variables = replacement;
    }

    public Clock clock() {
        return clock;
    }
}
