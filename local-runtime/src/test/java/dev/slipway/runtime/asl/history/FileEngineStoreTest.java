package dev.slipway.runtime.asl.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.runtime.asl.eval.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk layout survives a reopen, and a line torn by a crash is dropped, never half-read. */
class FileEngineStoreTest {
    private static final String EXECUTION = "arn:aws:states:us-east-1:000000000000:execution:m:run";
    @TempDir
    Path data;

    @Test
    void keepsStateMachinesExecutionsAndEventsAcrossReopen() {
        try (FileEngineStore store = new FileEngineStore(data)) {
            store.saveStateMachine(new StateMachineRecord("arn:aws:states:us-east-1:000000000000:stateMachine:m", "m",
                    "{\"StartAt\":\"A\"}", null, "STANDARD", Instant.parse("2025-01-01T00:00:00Z"), 1));
            store.createExecution(record());
            store.append(EXECUTION, event(1, HistoryEventType.ExecutionStarted, null));
            store.append(EXECUTION, event(2, HistoryEventType.TaskScheduled, "token-1"));
        }
        try (FileEngineStore reopened = new FileEngineStore(data)) {
            assertThat(reopened.loadStateMachines()).singleElement().satisfies(m -> {
                assertThat(m.name()).isEqualTo("m");
                assertThat(m.roleArn()).isNull();
            });
            EngineStore.StoredExecution stored = reopened.loadExecutions().get(0);
            assertThat(stored.record()).isEqualTo(record());
            assertThat(stored.events()).extracting(HistoryEvent::type)
                    .containsExactly(HistoryEventType.ExecutionStarted, HistoryEventType.TaskScheduled);
            assertThat(stored.events().get(1).internal()).isEqualTo("token-1");
            reopened.deleteStateMachine("arn:aws:states:us-east-1:000000000000:stateMachine:m");
            assertThat(reopened.loadStateMachines()).isEmpty();
        }
    }

    @Test
    void dropsALineTornByACrash() throws Exception {
        try (FileEngineStore store = new FileEngineStore(data)) {
            store.createExecution(record());
            store.append(EXECUTION, event(1, HistoryEventType.ExecutionStarted, null));
            store.append(EXECUTION, event(2, HistoryEventType.PassStateEntered, null));
        }
        Path history;
        try (var dirs = Files.list(data.resolve("executions"))) {
            history = dirs.findFirst().orElseThrow().resolve("history.jsonl");
        }
        Files.writeString(history, "{\"id\":3,\"previousEventId\":2,\"timest", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (FileEngineStore reopened = new FileEngineStore(data)) {
            List<HistoryEvent> events = reopened.loadExecutions().get(0).events();
            assertThat(events).extracting(HistoryEvent::id).containsExactly(1L, 2L);
        }
    }

    @Test
    void recordsNothingOnceClosed() {
        FileEngineStore store = new FileEngineStore(data);
        store.createExecution(record());
        store.append(EXECUTION, event(1, HistoryEventType.ExecutionStarted, null));
        store.close();

        // A stage cancelled by the stop ends after the engine: its end is not the execution's.
        assertThatThrownBy(() -> store.append(EXECUTION, event(2, HistoryEventType.TaskFailed, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not recorded");
        try (FileEngineStore reopened = new FileEngineStore(data)) {
            assertThat(reopened.loadExecutions().get(0).events()).extracting(HistoryEvent::id).containsExactly(1L);
        }
    }

    @Test
    void interleavesMoreOpenExecutionsThanItKeepsFilesOpenFor() {
        try (FileEngineStore store = new FileEngineStore(data)) {
            for (int i = 0; i < 300; i++) {
                store.createExecution(record(EXECUTION + i));
            }
            for (long id = 1; id <= 3; id++) {
                for (int i = 0; i < 300; i++) {
                    store.append(EXECUTION + i, event(id, id == 1 ? HistoryEventType.ExecutionStarted
                            : HistoryEventType.PassStateEntered, null));
                }
            }
        }
        try (FileEngineStore reopened = new FileEngineStore(data)) {
            assertThat(reopened.loadExecutions()).hasSize(300)
                    .allSatisfy(e -> assertThat(e.events()).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L));
        }
    }

    private static ExecutionRecord record(String arn) {
        ExecutionRecord base = record();
        return new ExecutionRecord(arn, base.stateMachineArn(), base.name(), base.definition(), base.input(),
                base.startDate(), 0);
    }

    private static ExecutionRecord record() {
        return new ExecutionRecord(EXECUTION, "arn:aws:states:us-east-1:000000000000:stateMachine:m", "run",
                Json.parse("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}"), "{\"n\":1}",
                Instant.parse("2025-01-01T00:00:01Z"), 0);
    }

    private static HistoryEvent event(long id, HistoryEventType type, String internal) {
        return new HistoryEvent(id, id - 1, Instant.parse("2025-01-01T00:00:02Z"), type, Json.object().put("n", id), "", internal);
    }
}
