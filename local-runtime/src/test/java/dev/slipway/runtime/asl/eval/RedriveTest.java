package dev.slipway.runtime.asl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.runtime.asl.Engine;
import dev.slipway.runtime.asl.history.MemoryEngineStore;
import dev.slipway.runtime.asl.integration.LambdaIntegration;
import dev.slipway.runtime.asl.integration.TaskIntegrations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RedriveExecution on a failed Map: only the iterations that did not succeed run again. */
class RedriveTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final VirtualDelayScheduler time = new VirtualDelayScheduler(pool, Instant.parse("2025-04-01T00:00:00Z"));
    private final Map<String, Integer> deploys = new ConcurrentHashMap<>();
    private final LambdaIntegration lambdas = new LambdaIntegration(pool).register("deploy", service -> {
        int attempt = deploys.merge(service.asText(), 1, Integer::sum);
        if (service.asText().equals("web") && attempt == 1) {
            throw new IllegalStateException("web: health check failed");
        }
        return Json.NODES.textNode(service.asText() + " deployed");
    });
    private final Engine engine = new Engine(new MemoryEngineStore(), new TaskIntegrations().register(lambdas),
            time.executor(), time, time.clock());

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aRedrivenMapRunsOnlyTheIterationsThatDidNotSucceed() throws Exception {
        String machine = engine.createStateMachine("release", fixture("map-deploys"), null, null).arn();
        Execution run = engine.startExecution(machine, "release-1", "{\"services\":[\"api\",\"web\",\"worker\"]}");
        assertThat(run.done().get(10, TimeUnit.SECONDS).status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.cause()).contains("health check failed");
        assertThat(deploys).containsExactlyInAnyOrderEntriesOf(Map.of("api", 1, "web", 1));

        engine.redrive(run.arn());
        Execution redriven = run.done().get(10, TimeUnit.SECONDS);
        assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Json.write(redriven.output())).isEqualTo("[\"api deployed\",\"web deployed\",\"worker deployed\"]");
        assertThat(deploys).containsExactlyInAnyOrderEntriesOf(Map.of("api", 1, "web", 2, "worker", 1));
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = RedriveTest.class.getResourceAsStream("/asl/" + name + ".asl.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
