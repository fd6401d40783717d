package dev.slipway.bench.engine;

import dev.slipway.bench.BenchOptions;
import dev.slipway.bench.report.Aim;
import dev.slipway.bench.report.Figure;
import dev.slipway.runtime.asl.Engine;
import dev.slipway.runtime.asl.api.SfnHttpServer;
import dev.slipway.runtime.asl.eval.TimerDelayScheduler;
import dev.slipway.runtime.asl.history.MemoryEngineStore;
import dev.slipway.runtime.asl.integration.EcsIntegration;
import dev.slipway.runtime.asl.integration.EcsTaskPort;
import dev.slipway.runtime.asl.integration.TaskIntegrations;
import dev.slipway.runtime.embedded.LocalAws;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The engine figures: JMH for the two throughputs ({@link EngineBenchmarks}, one sample per
 * measured iteration), and plain loops for what JMH does not fit: the latency of each StartExecution
 * call over HTTP through AWS's own client, and the heap held by executions parked on task tokens.
 */
public final class EngineFigures {

    private static final Aim NO_AIM = Aim.reference("no aim in issue 9; compare across commits");
    // Issue 4's aims for the engine: 20,000 transitions a second, 10,000 waiting executions in 500 MB.
    private static final Aim TRANSITIONS = Aim.atLeast(20_000, "at least 20,000/s (issue 4)");
    private static final Aim WAITING_HEAP = Aim.atMost(500.0 * 1024 / 10_000, "10,000 in under 500 MB (issue 4): 51.2 KiB each");

    private EngineFigures() {
    }

    public static List<Figure> run(BenchOptions options) throws Exception {
        List<Figure> figures = new ArrayList<>();
        if (options.wants("engine.pass-chain")) {
            figures.add(jmh(options, "passChainTransitions", "engine.pass-chain", "Pass chain, state transitions",
                    "transitions/s", TRANSITIONS, CHAIN_NOTE));
        }
        if (options.wants("engine.map")) {
            figures.add(jmh(options, "mapItems", "engine.map", "Map over 10,000 items", "items/s", NO_AIM,
                    "one Map state, one Pass state per item, in-memory store; one sample per JMH iteration"));
        }
        if (options.wants("engine.start-execution")) {
            figures.add(startExecutionLatency(options.quick() ? 300 : 2000));
        }
        if (options.wants("engine.heap-per-waiting")) {
            figures.add(heapPerWaitingExecution(options.quick() ? 2 : 5, options.quick() ? 2000 : 10_000));
        }
        return figures;
    }

    private static final String CHAIN_NOTE = EngineBenchmarks.CHAIN_EXECUTIONS + " executions at once of "
            + EngineBenchmarks.CHAIN_STATES + " Pass states, in-memory store; one sample per JMH iteration";

    private static Figure jmh(BenchOptions options, String method, String id, String title, String unit, Aim aim, String note)
            throws RunnerException {
        Options jmh = new OptionsBuilder()
                .include(EngineBenchmarks.class.getName() + "." + method + "$")
                .forks(options.quick() ? 1 : 2)
                .warmupIterations(options.quick() ? 1 : 3)
                .measurementIterations(options.quick() ? 3 : 5)
                // The in-memory store keeps every event of an iteration (over 100,000 transitions a second
                // on a quiet machine): short iterations and room on the heap, or the benchmark runs out.
                .warmupTime(TimeValue.seconds(2))
                .measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend("-Xmx6g")
                .shouldFailOnError(true)
                .build();
        List<Double> samples = new ArrayList<>();
        for (RunResult result : new Runner(jmh).run()) {
            result.getBenchmarkResults().forEach(b -> b.getIterationResults().stream()
                    .map(IterationResult::getPrimaryResult).forEach(r -> samples.add(r.getScore())));
        }
        return new Figure(id, title, unit, samples, aim, note);
    }

    /** One client thread calling StartExecution on a one-Pass machine; one sample per call, after a warm-up. */
    static Figure startExecutionLatency(int calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        TimerDelayScheduler timer = new TimerDelayScheduler(pool);
        Engine engine = new Engine(new MemoryEngineStore(), new TaskIntegrations(), pool, timer, Clock.systemUTC());
        try (SfnHttpServer server = SfnHttpServer.start(engine, "127.0.0.1", 0);
                SfnClient sfn = LocalAws.sfn(server.endpoint())) {
            String machine = sfn.createStateMachine(r -> r.name("quick").roleArn("arn:aws:iam::000000000000:role/bench")
                    .definition(Definitions.onePass())).stateMachineArn();
            for (int i = 0; i < 200; i++) {
                sfn.startExecution(r -> r.stateMachineArn(machine));
            }
            List<Double> millis = new ArrayList<>(calls);
            for (int i = 0; i < calls; i++) {
                long start = System.nanoTime();
                sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"n\":1}"));
                millis.add((System.nanoTime() - start) / 1e6);
            }
            return new Figure("engine.start-execution", "StartExecution over HTTP (SfnClient)", "ms", millis, NO_AIM,
                    "one client thread, URL connection HTTP client, after 200 warm-up calls; one sample per call");
        } finally {
            timer.close();
            pool.shutdownNow();
        }
    }

    /**
     * Executions parked on {@code .waitForTaskToken} (as builds wait on approvals): the heap after a
     * full GC with them parked, less the heap before, per execution. One sample per round, each on a
     * fresh engine.
     */
    static Figure heapPerWaitingExecution(int rounds, int executions) throws Exception {
        List<Double> kib = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            TimerDelayScheduler timer = new TimerDelayScheduler(pool);
            try {
                long before = usedHeapAfterGc();
                Engine engine = new Engine(new MemoryEngineStore(), new TaskIntegrations().register(new EcsIntegration(
                        new ParkedTasks())), pool, timer, Clock.systemUTC());
                String machine = engine.createStateMachine("approvals", Definitions.waitForToken(), null, null).arn();
                for (int i = 0; i < executions; i++) {
                    engine.startExecution(machine, "a" + i, "{\"build\":" + i + "}");
                }
                while (engine.tokens().size() < executions) {
                    Thread.onSpinWait();
                }
                long after = usedHeapAfterGc();
                kib.add((after - before) / 1024.0 / executions);
                if (engine.executions(machine).size() != executions) {
                    throw new IllegalStateException("the engine lost executions while they waited");
                }
            } finally {
                timer.close();
                pool.shutdownNow();
            }
        }
        return new Figure("engine.heap-per-waiting", "heap per execution waiting on a task token", "KiB", kib, WAITING_HEAP,
                executions + " executions parked at once per round, in-memory store (history included)");
    }

    /** An ECS port whose tasks never stop: the execution waits on its task token, as for an approval. */
    private static final class ParkedTasks implements EcsTaskPort {
        @Override
        public CompletionStage<JsonNode> run(JsonNode parameters, String taskToken) {
            return new CompletableFuture<>();
        }

        @Override
        public void stop(String taskArn, String reason) {
            // Nothing runs.
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
