package dev.slipway.runtime.asl.conformance;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.runtime.asl.Engine;
import dev.slipway.runtime.asl.Names;
import dev.slipway.runtime.asl.api.LocalSfn;
import dev.slipway.runtime.asl.api.SfnHttpServer;
import dev.slipway.runtime.asl.eval.Json;
import dev.slipway.runtime.asl.eval.VirtualDelayScheduler;
import dev.slipway.runtime.asl.history.MemoryEngineStore;
import dev.slipway.runtime.asl.integration.TaskIntegration;
import dev.slipway.runtime.asl.integration.TaskIntegrations;
import dev.slipway.runtime.asl.integration.TaskRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The recorded AWS executions again, this time through AWS's SfnClient over HTTP: CreateStateMachine,
 * StartExecution, then DescribeExecution until the execution closes. Virtual time, one shared engine.
 */
class SfnClientConformanceTest {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(4);
    private static final Map<String, TaskIntegration> STUBS = new ConcurrentHashMap<>();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static SfnHttpServer server;
    private static SfnClient client;

    @BeforeAll
    static void start() throws Exception {
        VirtualDelayScheduler time = new VirtualDelayScheduler(POOL, Instant.parse("2024-06-01T12:00:00Z"));
        TaskIntegration byExecution = new TaskIntegration() {
            @Override
            public boolean handles(String resource) {
                return true;
            }

            @Override
            public CompletionStage<JsonNode> invoke(TaskRequest request) {
                return STUBS.get(request.executionArn()).invoke(request);
            }
        };
        Engine engine = new Engine(new MemoryEngineStore(), new TaskIntegrations().register(byExecution),
                time.executor(), time, time.clock());
        server = SfnHttpServer.start(engine, "127.0.0.1", 0);
        client = LocalSfn.client(server.endpoint());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
        POOL.shutdownNow();
    }

    @Test
    void everyRecordedExecutionEndsAsItDidOnAwsThroughTheApi() {
        ConformanceSuite.runAndCheck("SfnClient over HTTP", SfnClientConformanceTest::run, 16);
    }

    private static CaseResult run(ConformanceCase c) {
        String machineName = "case-" + SEQUENCE.incrementAndGet();
        String machine = client.createStateMachine(r -> r.name(machineName).definition(Json.write(c.definition()))
                .roleArn("arn:aws:iam::000000000000:role/conformance")).stateMachineArn();
        STUBS.put(Names.executionArn(machine, "run"), new ReplayedTaskStubs(c.taskStubs()));
        String execution = client.startExecution(r -> r.stateMachineArn(machine).name("run")
                .input(Json.write(c.input()))).executionArn();
        DescribeExecutionResponse done = await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
                .until(() -> client.describeExecution(r -> r.executionArn(execution)),
                        d -> d.status() != ExecutionStatus.RUNNING);
        JsonNode output = done.output() == null ? null : Json.parse(done.output());
        return new CaseResult(done.statusAsString(), output, done.error(), done.cause());
    }
}
