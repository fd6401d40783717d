package dev.slipway.runtime.asl.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.runtime.asl.Engine;
import dev.slipway.runtime.asl.RequestRejectedException;
import dev.slipway.runtime.asl.history.HistoryEvent;
import dev.slipway.runtime.asl.history.HistoryEventType;
import dev.slipway.runtime.asl.history.MemoryEngineStore;
import dev.slipway.runtime.asl.integration.LambdaIntegration;
import dev.slipway.runtime.asl.integration.TaskIntegrations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retry backoff, execution timeouts and definition validation, on virtual time. */
class RecoveryAndTimeTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final VirtualDelayScheduler time = new VirtualDelayScheduler(pool, Instant.parse("2025-03-01T00:00:00Z"));
    private final LambdaIntegration lambdas = new LambdaIntegration(pool).register("push", payload -> {
        throw new RegistryDown("registry.example.com:5000 refused the connection");
    });
    private final Engine engine = new Engine(new MemoryEngineStore(), new TaskIntegrations().register(lambdas),
            time.executor(), time, time.clock());

    /** Named as the error the Retry matches. */
    static final class RegistryDown extends Exception {
        RegistryDown(String message) {
            super(message);
        }
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void retriesWaitIntervalTimesBackoffCappedByMaxDelay() throws Exception {
        Execution run = run("retry-backoff", "{}");
        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.error()).isEqualTo("RegistryDown");
        assertThat(run.cause()).contains("refused the connection");
        List<Instant> attempts = run.events().stream()
                .filter(e -> e.type() == HistoryEventType.LambdaFunctionScheduled).map(HistoryEvent::timestamp).toList();
        assertThat(attempts).hasSize(4);
        assertThat(Duration.between(attempts.get(0), attempts.get(1))).isEqualTo(Duration.ofSeconds(2));
        assertThat(Duration.between(attempts.get(1), attempts.get(2))).isEqualTo(Duration.ofSeconds(6));
        assertThat(Duration.between(attempts.get(2), attempts.get(3))).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void anExecutionLongerThanTimeoutSecondsTimesOut() throws Exception {
        Execution run = run("execution-timeout", "{}");
        assertThat(run.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(run.error()).isEqualTo("States.Timeout");
        assertThat(Duration.between(run.record().startDate(), run.stopDate())).isEqualTo(Duration.ofSeconds(5));
        assertThat(run.events().get(run.events().size() - 1).type()).isEqualTo(HistoryEventType.ExecutionTimedOut);
    }

    @Test
    void validationReportsEveryProblemWithStateAndField() {
        assertThatThrownBy(() -> engine.createStateMachine("mixed", fixture("jsonpath-with-jsonata-fields"), null, null))
                .isInstanceOf(RequestRejectedException.class)
                .satisfies(e -> assertThat(((RequestRejectedException) e).code()).isEqualTo("InvalidDefinition"))
                .hasMessageContaining("\"Output\" is not supported when QueryLanguage is JSONPath at /States/A/Output")
                .hasMessageContaining("\"InputPath\" is not supported when QueryLanguage is JSONata at /States/B/InputPath")
                .hasMessageContaining("\"Resource\" is required for a Task state at /States/C/Resource")
                .hasMessageContaining("unknown state type \"Teleport\" at /States/D/Type");
    }

    private Execution run(String fixture, String input) throws Exception {
        String machine = engine.createStateMachine(fixture, fixture(fixture), null, null).arn();
        return engine.startExecution(machine, null, input).done().get(10, TimeUnit.SECONDS);
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = RecoveryAndTimeTest.class.getResourceAsStream("/asl/" + name + ".asl.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
