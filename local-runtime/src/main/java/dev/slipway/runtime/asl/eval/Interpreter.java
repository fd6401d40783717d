package dev.slipway.runtime.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.runtime.asl.history.HistoryEvent;
import dev.slipway.runtime.asl.integration.TaskIntegrations;
import dev.slipway.runtime.asl.model.ChoiceState;
import dev.slipway.runtime.asl.model.FailState;
import dev.slipway.runtime.asl.model.MapState;
import dev.slipway.runtime.asl.model.ParallelState;
import dev.slipway.runtime.asl.model.PassState;
import dev.slipway.runtime.asl.model.Program;
import dev.slipway.runtime.asl.model.State;
import dev.slipway.runtime.asl.model.SucceedState;
import dev.slipway.runtime.asl.model.TaskState;
import dev.slipway.runtime.asl.model.WaitState;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Runs a program (a state machine, a branch, an item processor) state by state. The loop is a
 * trampoline: states that finish at once run in a plain loop (no deep stacks on long chains), and a
 * state that waits leaves the loop and re-enters it on the executor when its future completes.
 */
public final class Interpreter {
    private final StateTemplate template;
    private final Executor executor;

    public Interpreter(TaskIntegrations integrations, DelayScheduler scheduler, Executor executor, TaskTokens tokens) {
        this.executor = executor;
        Map<Class<?>, StateRunner<?>> runners = Map.of(
                PassState.class, new PassRunner(),
                SucceedState.class, new SucceedRunner(),
                FailState.class, new FailRunner(),
                ChoiceState.class, new ChoiceRunner(),
                WaitState.class, new WaitRunner(scheduler),
                TaskState.class, new TaskRunner(integrations, scheduler, tokens),
                ParallelState.class, new ParallelRunner(this),
                MapState.class, new MapRunner(this));
        this.template = new StateTemplate(runners, new Retrying(scheduler));
    }

    public CompletableFuture<JsonNode> run(Program program, JsonNode input, Scope scope) {
        return runFrom(program, program.startAt(), input, scope, null);
    }

    /** Continues at {@code stateName}; with {@code resume}, that state was already entered before a restart. */
    public CompletableFuture<JsonNode> runFrom(Program program, String stateName, JsonNode input, Scope scope, Resume resume) {
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        loop(program, stateName, input, scope, resume, result);
        return result;
    }

    /**
     * Continues {@code program} in {@code scope} where its recorded history stands after a restart:
     * in the state it had entered (resumed), after the state it had left, or from the start with
     * {@code input} when none had run. A program that had reached its end completes with that output.
     */
    CompletableFuture<JsonNode> continueFrom(Program program, HistoryReplay replay, JsonNode input, Scope scope) {
        HistoryEvent open = replay.openState();
        if (open != null) {
            return runFrom(program, open.details().path("name").asText(), Json.parse(open.details().path("input").asText()),
                    scope, new Resume(open, replay.parkedToken()));
        }
        HistoryEvent exited = replay.lastExited();
        if (exited == null) {
            return runFrom(program, program.startAt(), input, scope, null);
        }
        JsonNode output = Json.parse(exited.details().path("output").asText());
        if (exited.internal() == null || exited.internal().isEmpty()) {
            return CompletableFuture.completedFuture(output);
        }
        return runFrom(program, exited.internal(), output, scope, null);
    }

    private void loop(Program program, String name, JsonNode input, Scope scope, Resume resume,
                      CompletableFuture<JsonNode> result) {
        String current = name;
        JsonNode currentInput = input;
        Resume currentResume = resume;
        while (true) {
            if (!scope.execution().status().open()) {
                result.completeExceptionally(new CancellationException("The execution was stopped"));
                return;
            }
            State state = program.state(current);
            CompletableFuture<Step> step;
            try {
                step = template.run(state, currentInput, scope, currentResume);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            currentResume = null;
            if (!step.isDone()) {
                step.whenComplete((s, error) -> executor.execute(() -> {
                    if (error != null) {
                        result.completeExceptionally(unwrap(error));
                    } else if (s.next() == null) {
                        result.complete(s.output());
                    } else {
                        loop(program, s.next(), s.output(), scope, null, result);
                    }
                }));
                return;
            }
            Step done;
            try {
                done = step.join();
            } catch (CompletionException | CancellationException e) {
                result.completeExceptionally(unwrap(e));
                return;
            }
            if (done.next() == null) {
                result.complete(done.output());
                return;
            }
            current = done.next();
            currentInput = done.output();
        }
    }

    static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    Executor executor() {
        return executor;
    }
}
