package dev.slipway.runtime.asl.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.runtime.asl.Engine;
import dev.slipway.runtime.asl.api.LocalSfn;
import dev.slipway.runtime.asl.api.RecordingEcsPort;
import dev.slipway.runtime.asl.eval.Execution;
import dev.slipway.runtime.asl.eval.Json;
import dev.slipway.runtime.asl.eval.TimerDelayScheduler;
import dev.slipway.runtime.asl.history.MemoryEngineStore;
import dev.slipway.runtime.asl.integration.EcsIntegration;
import dev.slipway.runtime.asl.integration.TaskIntegrations;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * A JMH-free harness for the numbers issue 4 asks for; reported, not asserted. Run with the test
 * classpath: {@code java -cp ... dev.slipway.runtime.asl.bench.EngineBenchmark}.
 */
public final class EngineBenchmark {
    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        passChain(1000, 60);
        map(10_000);
        startExecutionLatency(2000);
        heapForWaitingExecutions(10_000);
        System.exit(0);
    }

    private static Engine engine(TaskIntegrations integrations) {
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors(),
                ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, true);
        return new Engine(new MemoryEngineStore(), integrations, pool, new TimerDelayScheduler(pool), Clock.systemUTC());
    }

    private static void passChain(int states, int executions) throws Exception {
        ObjectNode definition = Json.object();
        definition.put("StartAt", "S0");
        ObjectNode all = definition.putObject("States");
        for (int i = 0; i < states; i++) {
            ObjectNode s = all.putObject("S" + i).put("Type", "Pass");
            s.putObject("Result").put("step", i);
            s.put("ResultPath", "$.last");
            if (i + 1 < states) {
                s.put("Next", "S" + (i + 1));
            } else {
                s.put("End", true);
            }
        }
        Engine engine = engine(new TaskIntegrations());
        String machine = engine.createStateMachine("chain", Json.write(definition), null, null).arn();
        for (int round = 0; round < 2; round++) {
            long start = System.nanoTime();
            long cpu = cpuNanos();
            List<Execution> runs = new ArrayList<>();
            for (int i = 0; i < executions; i++) {
                runs.add(engine.startExecution(machine, "r" + round + "-" + i, "{}"));
            }
            for (Execution run : runs) {
                run.done().get(120, TimeUnit.SECONDS);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (cpuNanos() - cpu) / 1e9;
            System.out.printf("pass chain (%s): %d executions x %d states: %.0f transitions/s wall, %.0f per CPU-second%n",
                    round == 0 ? "warm-up" : "measured", executions, states, executions * (double) states / seconds,
                    executions * (double) states / cpuSeconds);
        }
    }

    private static void map(int items) throws Exception {
        String definition = "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"ItemProcessor\":{\"StartAt\":\"P\","
                + "\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}},\"End\":true}}}";
        StringBuilder input = new StringBuilder("[");
        for (int i = 0; i < items; i++) {
            input.append(i == 0 ? "" : ",").append(i);
        }
        input.append(']');
        Engine engine = engine(new TaskIntegrations());
        String machine = engine.createStateMachine("map", definition, null, null).arn();
        for (int round = 0; round < 2; round++) {
            long start = System.nanoTime();
            long cpu = cpuNanos();
            Execution run = engine.startExecution(machine, "m" + round, input.toString()).done().get(300, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (cpuNanos() - cpu) / 1e9;
            System.out.printf("map (%s): %d items, %s in %.2f s: %.0f iterations/s wall, %.0f per CPU-second (%d history events)%n",
                    round == 0 ? "warm-up" : "measured", items, run.status(), seconds, items / seconds, items / cpuSeconds,
                    run.events().size());
        }
    }

    private static void startExecutionLatency(int calls) {
        try (LocalSfn sfn = new LocalSfn(new TaskIntegrations())) {
            SfnClient client = sfn.client;
            String machine = client.createStateMachine(r -> r.name("quick").roleArn("arn:aws:iam::000000000000:role/x")
                    .definition("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}")).stateMachineArn();
            for (int i = 0; i < 200; i++) {
                client.startExecution(r -> r.stateMachineArn(machine));
            }
            long[] nanos = new long[calls];
            for (int i = 0; i < calls; i++) {
                long start = System.nanoTime();
                client.startExecution(r -> r.stateMachineArn(machine).input("{\"n\":1}"));
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf("StartExecution over HTTP (SfnClient, %d calls, one client thread): p50 %.2f ms, p99 %.2f ms%n",
                    calls, nanos[calls / 2] / 1e6, nanos[calls * 99 / 100] / 1e6);
        }
    }

    private static void heapForWaitingExecutions(int executions) throws Exception {
        RecordingEcsPort ecs = new RecordingEcsPort();
        Engine engine = engine(new TaskIntegrations().register(new EcsIntegration(ecs)));
        String definition = "{\"StartAt\":\"Approve\",\"States\":{\"Approve\":{\"Type\":\"Task\","
                + "\"Resource\":\"arn:aws:states:::ecs:runTask.waitForTaskToken\","
                + "\"Parameters\":{\"token.$\":\"$$.Task.Token\",\"build.$\":\"$.build\"},\"End\":true}}}";
        String machine = engine.createStateMachine("approvals", definition, null, null).arn();
        long before = usedHeap();
        List<Execution> runs = new ArrayList<>();
        for (int i = 0; i < executions; i++) {
            runs.add(engine.startExecution(machine, "a" + i, "{\"build\":" + i + "}"));
        }
        while (engine.tokens().size() < executions) {
            Thread.onSpinWait();
        }
        long after = usedHeap();
        System.out.printf("%d executions waiting on task tokens: %.1f MB of heap (%.1f KB each), %d live threads%n",
                executions, (after - before) / 1048576.0, (after - before) / 1024.0 / executions, Thread.activeCount());
        if (runs.size() != executions) {
            throw new IllegalStateException("lost executions");
        }
    }

    /** CPU time of the whole process: on a shared machine, work per CPU-second is steadier than per wall second. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
