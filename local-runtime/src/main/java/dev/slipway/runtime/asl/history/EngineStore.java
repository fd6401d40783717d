package dev.slipway.runtime.asl.history;

import java.util.List;

/**
 * Where the engine keeps state machines, executions and their histories.
 *
 * <p>Contract: {@link #append} is called in event-id order for one execution, possibly concurrently
 * for different executions, and must be durable against a killed process when it returns (data in
 * the OS is enough; an fsync policy beyond that is the implementation's to state). Everything
 * {@link #loadExecutions} returns was appended before; a torn last line after a crash is dropped,
 * never half-read. Calls are thread-safe.
 */
public interface EngineStore {

    void saveStateMachine(StateMachineRecord record);

    void deleteStateMachine(String arn);

    List<StateMachineRecord> loadStateMachines();

    void createExecution(ExecutionRecord record);

    void append(String executionArn, HistoryEvent event);

    List<StoredExecution> loadExecutions();

    /** An execution with every event recorded for it, in order. */
    record StoredExecution(ExecutionRecord record, List<HistoryEvent> events) {
    }
}
