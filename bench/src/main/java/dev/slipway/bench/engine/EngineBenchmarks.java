package dev.slipway.bench.engine;

import dev.slipway.runtime.asl.Engine;
import dev.slipway.runtime.asl.eval.Execution;
import dev.slipway.runtime.asl.eval.TimerDelayScheduler;
import dev.slipway.runtime.asl.history.MemoryEngineStore;
import dev.slipway.runtime.asl.integration.TaskIntegrations;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The engine's own speed, in process, on the in-memory store: state transitions per second along a
 * chain of Pass states (many executions at once, as builds run), and Map iterations per second over
 * 10,000 items. JMH's operations are transitions and items, so its scores are per second of each.
 * A fresh engine per iteration keeps the history of earlier iterations from filling the heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBenchmarks {

    static final int CHAIN_STATES = 100;
    static final int CHAIN_EXECUTIONS = 50;
    static final int MAP_ITEMS = 10_000;

    private final AtomicLong names = new AtomicLong();
    private ForkJoinPool pool;
    private TimerDelayScheduler timer;
    private Engine engine;
    private String chain;
    private String map;
    private String mapInput;

    @Setup(Level.Iteration)
    public void startEngine() {
        pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), ForkJoinPool.defaultForkJoinWorkerThreadFactory,
                null, true);
        timer = new TimerDelayScheduler(pool);
        engine = new Engine(new MemoryEngineStore(), new TaskIntegrations(), pool, timer, Clock.systemUTC());
        chain = engine.createStateMachine("chain", Definitions.passChain(CHAIN_STATES), null, null).arn();
        map = engine.createStateMachine("map", Definitions.mapOfPass(), null, null).arn();
        mapInput = Definitions.numbers(MAP_ITEMS);
    }

    @TearDown(Level.Iteration)
    public void stopEngine() {
        timer.close();
        pool.shutdownNow();
    }

    @Benchmark
    @OperationsPerInvocation(CHAIN_STATES * CHAIN_EXECUTIONS)
    public List<Execution> passChainTransitions() throws Exception {
        List<Execution> runs = new ArrayList<>(CHAIN_EXECUTIONS);
        for (int i = 0; i < CHAIN_EXECUTIONS; i++) {
            runs.add(engine.startExecution(chain, "c" + names.incrementAndGet(), "{}"));
        }
        List<Execution> done = new ArrayList<>(CHAIN_EXECUTIONS);
        for (Execution run : runs) {
            done.add(succeeded(run.done().get(120, TimeUnit.SECONDS)));
        }
        return done;
    }

    @Benchmark
    @OperationsPerInvocation(MAP_ITEMS)
    public Execution mapItems() throws Exception {
        return succeeded(engine.startExecution(map, "m" + names.incrementAndGet(), mapInput).done().get(300, TimeUnit.SECONDS));
    }

    /** A benchmark of executions that failed would measure the wrong thing: stop it loudly. */
    private static Execution succeeded(Execution run) {
        if (!"SUCCEEDED".equals(run.status().toString())) {
            throw new IllegalStateException("execution " + run.arn() + " ended " + run.status());
        }
        return run;
    }
}
