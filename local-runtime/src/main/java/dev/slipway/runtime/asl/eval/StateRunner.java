package dev.slipway.runtime.asl.eval;

import dev.slipway.runtime.asl.model.State;
import java.util.concurrent.CompletableFuture;

/**
 * The work of one state type; {@link StateTemplate} does everything around it. A runner returns at
 * once: anything that waits (a task, a timer, child branches) completes the future later.
 */
interface StateRunner<S extends State> {

    CompletableFuture<Outcome> work(S state, StateCall call);

    /** The task token the context object shows as {@code $$.Task.Token}; only .waitForTaskToken tasks have one. */
    default String taskToken(S state, Resume resume) {
        return null;
    }

    /** Whether Parameters/Arguments shape the payload before the work (Pass, Task, Parallel). */
    default boolean appliesParameters() {
        return true;
    }

    /** Whether the work's result goes through ResultSelector/ResultPath (not Choice, Wait, Succeed). */
    default boolean producesResult() {
        return true;
    }
}
