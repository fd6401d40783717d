package dev.slipway.runtime.asl.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.runtime.asl.Engine;
import dev.slipway.runtime.asl.eval.Execution;
import dev.slipway.runtime.asl.eval.ExecutionStatus;
import dev.slipway.runtime.asl.eval.Json;
import dev.slipway.runtime.asl.eval.TimerDelayScheduler;
import dev.slipway.runtime.asl.integration.EcsIntegration;
import dev.slipway.runtime.asl.integration.FakeEcsTaskPort;
import dev.slipway.runtime.asl.integration.LambdaIntegration;
import dev.slipway.runtime.asl.integration.TaskIntegrations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restarts in process: a new engine on the same data directory, with the old one's threads gone (as
 * after a crash). The separate-JVM kill -9 case is EngineCrashRecoveryIT.
 */
class EngineRestartTest {
    @TempDir
    Path data;
    private final FakeEcsTaskPort ecs = new FakeEcsTaskPort();
    private final AtomicInteger deployCalls = new AtomicInteger();
    private final List<String> announced = new CopyOnWriteArrayList<>();
    private final List<Runnable> shutdowns = new ArrayList<>();

    @AfterEach
    void stopAll() {
        shutdowns.forEach(Runnable::run);
    }

    @Test
    void aParkedTaskKeepsItsTokenAcrossARestart() throws Exception {
        Engine first = engine();
        String machine = first.createStateMachine("approve", fixture("integrations/ecs-token-no-heartbeat"), null, null).arn();
        Execution before = first.startExecution(machine, "build-1", "{}");
        await().atMost(Duration.ofSeconds(10)).until(() -> !ecs.tokensByTask.isEmpty());
        String token = ecs.tokensByTask.values().iterator().next();
        long recorded = before.lastEventId();
        crash();

        Engine second = engine();
        Execution after = second.execution(before.arn());
        assertThat(after.status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(after.lastEventId()).isEqualTo(recorded);
        second.sendTaskSuccess(token, "{\"approved\":true}");
        assertThat(after.done().get(10, TimeUnit.SECONDS).output()).isEqualTo(Json.parse("{\"approved\":true}"));
        assertThat(after.events()).extracting(e -> e.id()).doesNotHaveDuplicates();
    }

    @Test
    void anAnswerArrivingBeforeTheParkedTaskIsResumedIsKept() throws Exception {
        Engine first = engine();
        String machine = first.createStateMachine("approve", fixture("integrations/ecs-token-no-heartbeat"), null, null).arn();
        Execution before = first.startExecution(machine, "build-2", "{}");
        await().atMost(Duration.ofSeconds(10)).until(() -> !ecs.tokensByTask.isEmpty());
        String token = ecs.tokensByTask.values().iterator().next();
        crash();

        // The restarted engine's work is held back: the answer comes before the task is resumed.
        List<Runnable> held = new ArrayList<>();
        AtomicBoolean open = new AtomicBoolean();
        AtomicReference<ExecutorService> pool = new AtomicReference<>();
        Engine second = engine(p -> {
            pool.set(p);
            return work -> {
                synchronized (held) {
                    if (!open.get()) {
                        held.add(work);
                        return;
                    }
                }
                p.execute(work);
            };
        });
        second.sendTaskSuccess(token, "{\"approved\":\"early\"}");
        synchronized (held) {
            open.set(true);
            held.forEach(pool.get()::execute);
        }

        Execution after = second.execution(before.arn()).done().get(10, TimeUnit.SECONDS);
        assertThat(after.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(after.output()).isEqualTo(Json.parse("{\"approved\":\"early\"}"));
    }

    @Test
    void aMapInterruptedByARestartDoesNotRunItsFinishedIterationsAgain() throws Exception {
        Engine first = engine();
        String machine = first.createStateMachine("services", fixture("map-approvals"), null, null).arn();
        Execution before = first.startExecution(machine, "release-1", "{\"services\":[\"api\",\"web\",\"worker\",\"cron\"]}");
        approveNext(first, 1, "api-ok");
        approveNext(first, 2, "web-ok");
        await().atMost(Duration.ofSeconds(10)).until(() -> ecs.tokensByTask.size() == 3);
        crash();

        Engine second = engine();
        approveNext(second, 3, "worker-ok");
        approveNext(second, 4, "cron-ok");
        Execution after = second.execution(before.arn()).done().get(10, TimeUnit.SECONDS);
        assertThat(after.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Json.write(after.output())).isEqualTo("[\"api-ok\",\"web-ok\",\"worker-ok\",\"cron-ok\"]");
        // Four hand-overs: the worker's approval, parked when the engine went down, kept its token.
        assertThat(ecs.tokensByTask).hasSize(4);
    }

    @Test
    void nestedMapIterationsContinueWhereTheyStoodAcrossTwoRestarts() throws Exception {
        Engine first = engine();
        String machine = first.createStateMachine("deploy", fixture("environments-then-services"), null, null).arn();
        Execution before = first.startExecution(machine, "deploy-1",
                "{\"environments\":[\"staging\",\"production\"],\"services\":[\"api\"]}");
        await().atMost(Duration.ofSeconds(10)).until(() -> ecs.tokensByTask.size() == 1);
        String stagingApproval = ecs.tokensByTask.values().iterator().next();
        crash();

        // Down while staging waits for its approval, after its announcement.
        Engine second = engine();
        await().atMost(Duration.ofSeconds(10)).until(() -> second.tokens().waiting(stagingApproval));
        second.sendTaskSuccess(stagingApproval, "\"staging-ok\"");
        stopNextDeploy();
        await().atMost(Duration.ofSeconds(10)).until(() -> ecs.tokensByTask.size() == 2);
        String productionApproval = ecs.tokensByTask.values().stream().filter(t -> !t.equals(stagingApproval))
                .findFirst().orElseThrow();
        second.sendTaskSuccess(productionApproval, "\"production-ok\"");
        await().atMost(Duration.ofSeconds(10)).until(() -> deploysRunning().size() == 1);
        crash();

        // Down while production's deploy of api runs: that attempt fails as interrupted and its Retry runs it again.
        Set<String> lost = deploysRunning();
        Engine third = engine();
        stopNextDeploy(lost);
        Execution after = third.execution(before.arn()).done().get(20, TimeUnit.SECONDS);

        assertThat(after.status()).as(Json.write(after.output())).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(after.output()).hasSize(2);
        assertThat(after.output().get(1)).isEqualTo(Json.parse("{\"environment\":\"production\",\"services\":[\"api\"],"
                + "\"approval\":\"production-ok\",\"deployed\":[{\"status\":\"STOPPED\"}]}"));
        assertThat(announced).as("each environment announced once").containsExactly("staging", "production");
        assertThat(ecs.tokensByTask).as("one approval asked per environment").hasSize(2);
        assertThat(after.events()).filteredOn(e -> e.type() == HistoryEventType.TaskFailed)
                .extracting(e -> e.details().path("error").asText()).containsExactly("Slipway.TaskInterrupted");
        assertThat(after.events()).extracting(e -> e.id()).doesNotHaveDuplicates();
    }

    private void stopNextDeploy() {
        stopNextDeploy(Set.of());
    }

    /** Waits for a deploy task that is not one of {@code lost} and lets it end well. */
    private void stopNextDeploy(Set<String> lost) {
        await().atMost(Duration.ofSeconds(10)).until(() -> deploysRunning().stream().anyMatch(t -> !lost.contains(t)));
        String task = deploysRunning().stream().filter(t -> !lost.contains(t)).findFirst().orElseThrow();
        ecs.finish(task);
    }

    /** The fake's running tasks that are not approvals (those were handed a token). */
    private Set<String> deploysRunning() {
        return ecs.runningTasks().stream().filter(t -> !ecs.tokensByTask.containsKey(t))
                .collect(Collectors.toSet());
    }

    /** Waits for the n-th task hand-over and approves it. */
    private void approveNext(Engine engine, int n, String answer) {
        await().atMost(Duration.ofSeconds(10)).until(() -> ecs.tokensByTask.size() >= n
                && ecs.tokensByTask.values().stream().anyMatch(engine.tokens()::waiting));
        String token = ecs.tokensByTask.values().stream().filter(engine.tokens()::waiting).findFirst().orElseThrow();
        engine.sendTaskSuccess(token, "\"" + answer + "\"");
    }

    @Test
    void aFinishedExecutionAndItsRedrivesAreRememberedAcrossRestarts() throws Exception {
        Engine first = engine();
        String machine = first.createStateMachine("deploy", fixture("fails-then-fixed"), null, null).arn();
        Execution failed = first.startExecution(machine, "deploy-1", "{}").done().get(10, TimeUnit.SECONDS);
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        crash();

        Engine second = engine();
        Execution reloaded = second.execution(failed.arn());
        assertThat(reloaded.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(reloaded.stopDate()).isEqualTo(failed.stopDate());
        second.redrive(failed.arn());
        assertThat(reloaded.done().get(10, TimeUnit.SECONDS).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        crash();

        Execution third = engine().execution(failed.arn());
        assertThat(third.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(third.redriveCount()).isEqualTo(1);
        assertThat(third.output()).isEqualTo(Json.parse("{\"deployed\":true}"));
    }

    private Engine engine() {
        return engine(pool -> pool);
    }

    /** {@code executor} wraps the engine's pool, e.g. to hold back what it runs. */
    private Engine engine(Function<ExecutorService, Executor> executor) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        TimerDelayScheduler timer = new TimerDelayScheduler(pool);
        FileEngineStore store = new FileEngineStore(data);
        LambdaIntegration lambdas = new LambdaIntegration(pool).register("flaky-deploy", payload -> {
            if (deployCalls.incrementAndGet() == 1) {
                throw new IllegalStateException("registry unreachable");
            }
            return Json.parse("{\"deployed\":true}");
        }).register("announce", payload -> {
            announced.add(payload.path("environment").asText());
            return payload;
        });
        shutdowns.add(() -> {
            timer.close();
            pool.shutdownNow();
            store.close();
        });
        return new Engine(store, new TaskIntegrations().register(lambdas).register(new EcsIntegration(ecs)),
                executor.apply(pool), timer, Clock.systemUTC());
    }

    /** The old engine's threads stop dead; only what reached the store remains. */
    private void crash() {
        shutdowns.forEach(Runnable::run);
        shutdowns.clear();
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = EngineRestartTest.class.getResourceAsStream("/asl/" + name + ".asl.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
