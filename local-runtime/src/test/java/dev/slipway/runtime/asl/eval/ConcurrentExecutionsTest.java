package dev.slipway.runtime.asl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.runtime.asl.Engine;
import dev.slipway.runtime.asl.history.HistoryEvent;
import dev.slipway.runtime.asl.history.HistoryEventType;
import dev.slipway.runtime.asl.history.MemoryEngineStore;
import dev.slipway.runtime.asl.integration.EcsIntegration;
import dev.slipway.runtime.asl.integration.FakeEcsTaskPort;
import dev.slipway.runtime.asl.integration.TaskIntegrations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many executions at once on real time: every one finishes, and every history stays well-formed. */
class ConcurrentExecutionsTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final TimerDelayScheduler timer = new TimerDelayScheduler(pool);
    private final FakeEcsTaskPort ecs = new FakeEcsTaskPort();
    private final Engine engine = new Engine(new MemoryEngineStore(), new TaskIntegrations().register(new EcsIntegration(ecs)),
            pool, timer, Clock.systemUTC());
    private final ExecutorService clients = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        clients.shutdownNow();
        timer.close();
        pool.shutdownNow();
    }

    @Test
    void fiveHundredFanOutExecutionsStartedFromEightThreadsAllSucceed() throws Exception {
        String machine = engine.createStateMachine("fan-out", fixture("fan-out"), null, null).arn();
        String items = IntStream.range(0, 20).mapToObj(Integer::toString).reduce((a, b) -> a + "," + b).orElseThrow();
        List<CompletableFuture<Execution>> started = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String name = "run-" + i;
            started.add(CompletableFuture.supplyAsync(() -> engine.startExecution(machine, name, "{\"items\":[" + items + "]}"), clients));
        }
        for (CompletableFuture<Execution> start : started) {
            Execution done = start.get(30, TimeUnit.SECONDS).done().get(60, TimeUnit.SECONDS);
            assertThat(done.status()).as(done.arn() + ": " + done.error() + " " + done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(done.output().path("mapped")).hasSize(20);
            assertThat(done.output().path("mapped").get(19).path("v").asInt()).isEqualTo(20);
            assertWellFormed(done.events());
            assertThat(done.events()).filteredOn(e -> e.type() == HistoryEventType.MapIterationSucceeded).hasSize(20);
        }
        assertThat(engine.executions(machine)).hasSize(500);
    }

    @Test
    void aThousandParkedTasksCompletedFromManyThreadsAllResumeOnce() throws Exception {
        String machine = engine.createStateMachine("approvals", fixture("integrations/ecs-token-no-heartbeat"), null, null).arn();
        List<Execution> runs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            runs.add(engine.startExecution(machine, "approval-" + i, "{\"build\":" + i + "}"));
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> ecs.tokensByTask.size() == 1000);
        assertThat(engine.tokens().size()).isEqualTo(1000);
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (String token : ecs.tokensByTask.values()) {
            sends.add(CompletableFuture.runAsync(() -> engine.sendTaskSuccess(token, "{\"ok\":true}"), clients));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        for (Execution run : runs) {
            Execution done = run.done().get(30, TimeUnit.SECONDS);
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(done.output().path("ok").asBoolean()).isTrue();
            assertWellFormed(done.events());
        }
        assertThat(engine.tokens().size()).isZero();
    }

    private static void assertWellFormed(List<HistoryEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).id()).isEqualTo(i + 1L);
        }
        assertThat(events.get(0).type()).isEqualTo(HistoryEventType.ExecutionStarted);
        assertThat(events.get(events.size() - 1).type()).isEqualTo(HistoryEventType.ExecutionSucceeded);
        assertThat(events).filteredOn(e -> e.type().closesExecution()).hasSize(1);
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = ConcurrentExecutionsTest.class.getResourceAsStream("/asl/" + name + ".asl.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
