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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
    void aMapInterruptedByARestartDoesNotRunItsFinishedIterationsAgain() throws Exception {
        Engine first = engine();
        String machine = first.createStateMachine("services", fixture("map-approvals"), null, null).arn();
        Execution before = first.startExecution(machine, "release-1", "{\"services\":[\"api\",\"web\",\"worker\",\"cron\"]}");
        approveNext(first, 1, "api-ok");
        approveNext(first, 2, "web-ok");
        await().atMost(Duration.ofSeconds(10)).until(() -> ecs.tokensByTask.size() == 3);
        crash();

        Engine second = engine();
        approveNext(second, 4, "worker-ok");
        approveNext(second, 5, "cron-ok");
        Execution after = second.execution(before.arn()).done().get(10, TimeUnit.SECONDS);
        assertThat(after.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Json.write(after.output())).isEqualTo("[\"api-ok\",\"web-ok\",\"worker-ok\",\"cron-ok\"]");
        // Five hand-overs: api, web, worker (lost in the crash), worker again, cron. Never api or web twice.
        assertThat(ecs.tokensByTask).hasSize(5);
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
        ExecutorService pool = Executors.newFixedThreadPool(2);
        TimerDelayScheduler timer = new TimerDelayScheduler(pool);
        FileEngineStore store = new FileEngineStore(data);
        LambdaIntegration lambdas = new LambdaIntegration(pool).register("flaky-deploy", payload -> {
            if (deployCalls.incrementAndGet() == 1) {
                throw new IllegalStateException("registry unreachable");
            }
            return Json.parse("{\"deployed\":true}");
        });
        shutdowns.add(() -> {
            timer.close();
            pool.shutdownNow();
            store.close();
        });
        return new Engine(store, new TaskIntegrations().register(lambdas).register(new EcsIntegration(ecs)), pool, timer,
                Clock.systemUTC());
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
