package dev.slipway.runtime.asl.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.runtime.asl.Engine;
import dev.slipway.runtime.asl.eval.Execution;
import dev.slipway.runtime.asl.eval.Json;
import dev.slipway.runtime.asl.eval.VirtualDelayScheduler;
import dev.slipway.runtime.asl.history.MemoryEngineStore;
import dev.slipway.runtime.asl.history.StateMachineRecord;
import dev.slipway.runtime.asl.integration.TaskIntegrations;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Every recorded AWS execution, run on the engine in process with virtual time and replayed task results. */
class InProcessConformanceTest {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(4);

    @AfterAll
    static void shutdown() {
        POOL.shutdownNow();
    }

    @Test
    void everyRecordedExecutionEndsAsItDidOnAws() {
        ConformanceSuite.runAndCheck("in process", InProcessConformanceTest::run);
    }

    static CaseResult run(ConformanceCase c) throws Exception {
        VirtualDelayScheduler time = new VirtualDelayScheduler(POOL, Instant.parse("2024-06-01T12:00:00Z"));
        TaskIntegrations integrations = new TaskIntegrations().register(new ReplayedTaskStubs(c.taskStubs()));
        Engine engine = new Engine(new MemoryEngineStore(), integrations, time.executor(), time, time.clock());
        StateMachineRecord machine = engine.createStateMachine("case", Json.write(c.definition()), null, null);
        Execution execution = engine.startExecution(machine.arn(), "run", Json.write(c.input()));
        execution.done().get(20, TimeUnit.SECONDS);
        JsonNode output = execution.output();
        return new CaseResult(execution.status().name(), output, execution.error(), execution.cause());
    }
}
