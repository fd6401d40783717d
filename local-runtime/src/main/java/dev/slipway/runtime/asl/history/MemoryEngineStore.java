package dev.slipway.runtime.asl.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A store that lives as long as the engine: for tests and for engines started without a data dir. */
public final class MemoryEngineStore implements EngineStore {
    private final Map<String, StateMachineRecord> machines = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, ExecutionRecord> executions = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, List<HistoryEvent>> histories = Collections.synchronizedMap(new LinkedHashMap<>());

    @Override
    public void saveStateMachine(StateMachineRecord record) {
        machines.put(record.arn(), record);
    }

    @Override
    public void deleteStateMachine(String arn) {
        machines.remove(arn);
    }

    @Override
    public List<StateMachineRecord> loadStateMachines() {
        synchronized (machines) {
            return new ArrayList<>(machines.values());
        }
    }

    @Override
    public void createExecution(ExecutionRecord record) {
        executions.put(record.executionArn(), record);
        histories.put(record.executionArn(), Collections.synchronizedList(new ArrayList<>()));
    }

    @Override
    public void append(String executionArn, HistoryEvent event) {
        // The engine keeps its own in-memory copy of each history; this one only serves loadExecutions.
        histories.get(executionArn).add(event);
    }

    @Override
    public List<StoredExecution> loadExecutions() {
        List<StoredExecution> all = new ArrayList<>();
        synchronized (executions) {
            executions.values().forEach(r -> all.add(new StoredExecution(r, List.copyOf(histories.get(r.executionArn())))));
        }
        return all;
    }
}
