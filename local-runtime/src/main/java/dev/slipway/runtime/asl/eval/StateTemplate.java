package dev.slipway.runtime.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.runtime.asl.history.HistoryEvent;
import dev.slipway.runtime.asl.history.HistoryEventType;
import dev.slipway.runtime.asl.model.Catcher;
import dev.slipway.runtime.asl.model.State;
import dev.slipway.runtime.asl.model.StateCommon;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The one template every state runs, as in AWS (and LocalStack's interpreter): enter event →
 * InputPath → Parameters/Arguments → work (with Retry) → ResultSelector → ResultPath → OutputPath
 * (or JSONata Output) → Assign → exit event; an error goes to the first matching Catcher.
 */
final class StateTemplate {
    private final Map<Class<?>, StateRunner<?>> runners;
    private final Retrying retrying;

    StateTemplate(Map<Class<?>, StateRunner<?>> runners, Retrying retrying) {
        this.runners = runners;
        this.retrying = retrying;
    }

    CompletableFuture<Step> run(State state, JsonNode raw, Scope scope, Resume resume) {
        Execution execution = scope.execution();
        HistoryEvent entered = resume != null ? resume.entered() : execution.append(
                HistoryEventType.entered(state.common().type()), enteredDetails(state.name(), raw), scope.path(), null);
        StateCall call;
        try {
            call = prepare(state, raw, scope, entered.id(), entered.timestamp(), resume);
        } catch (StateFailedException e) {
            return recover(state, raw, scope, DataFlow.locate(e, state.name(), entered.id()));
        }
        StateRunner<State> runner = runner(state);
        CompletableFuture<Outcome> work = retrying.run(state, call, () -> runner.work(state, call));
        return work.thenApply(outcome -> finish(state, call, runner, outcome)).exceptionallyCompose(error -> {
            StateFailedException failure = unwrap(error);
            if (failure == null) {
                return CompletableFuture.failedFuture(error);
            }
            return recover(state, raw, scope, DataFlow.locate(failure, state.name(), entered.id()));
        });
    }

    private StateCall prepare(State state, JsonNode raw, Scope scope, long enteredId, Instant enteredTime, Resume resume) {
        StateCommon common = state.common();
        StateRunner<State> runner = runner(state);
        ObjectNode context = ContextObject.build(scope, state.name(), enteredTime, 0, runner.taskToken(state, resume));
        if (common.jsonata()) {
            ObjectNode states = Json.object();
            states.set("input", raw);
            states.set("context", context);
            JsonNode payload = runner.appliesParameters() && !common.arguments().isMissingNode()
                    ? JsonataEvaluator.resolve(common.arguments(), "Arguments", states, scope.variables()) : raw;
            return new StateCall(state, scope, raw, raw, payload, context, states, enteredId, enteredTime, resume);
        }
        JsonNode effective = DataFlow.filter(common.inputPath(), raw, context, scope.variables());
        JsonNode payload = runner.appliesParameters() && !common.parameters().isMissingNode()
                ? PayloadTemplate.resolve(common.parameters(), effective, context, scope.variables()) : effective;
        return new StateCall(state, scope, raw, effective, payload, context, null, enteredId, enteredTime, resume);
    }

    private Step finish(State state, StateCall call, StateRunner<State> runner, Outcome outcome) {
        try {
            StateCommon common = state.common();
            Variables variables = call.scope().variables();
            JsonNode output;
            Map<String, JsonNode> assigned;
            JsonNode assignTemplate = outcome.assign().isMissingNode() ? common.assign() : outcome.assign();
            if (common.jsonata()) {
                call.states().set("result", outcome.result());
                assigned = DataFlow.assignments(assignTemplate, true, null, null, call.states(), variables);
                JsonNode outputTemplate = outcome.output().isMissingNode() ? common.output() : outcome.output();
                output = outputTemplate.isMissingNode() ? outcome.result()
                        : JsonataEvaluator.resolve(outputTemplate, "Output", call.states(), variables);
            } else if (runner.producesResult()) {
                JsonNode result = common.resultSelector().isMissingNode() ? outcome.result()
                        : PayloadTemplate.resolve(common.resultSelector(), outcome.result(), call.context(), variables);
                assigned = DataFlow.assignments(assignTemplate, false, result, call.context(), null, variables);
                JsonNode merged = DataFlow.merge(common.resultPath(), call.raw(), result);
                output = DataFlow.filter(common.outputPath(), merged, call.context(), variables);
            } else {
                assigned = DataFlow.assignments(assignTemplate, false, call.effective(), call.context(), null, variables);
                output = DataFlow.filter(common.outputPath(), outcome.result(), call.context(), variables);
            }
            String outputText = DataFlow.checkSize(state.name(), output);
            variables.assignAll(assigned);
            String next = outcome.next() != null ? outcome.next() : common.next();
            exit(state, call.scope(), outputText, assigned, next);
            return new Step(output, next);
        } catch (StateFailedException e) {
            throw DataFlow.locate(e, state.name(), call.enteredEventId());
        }
    }

    private CompletableFuture<Step> recover(State state, JsonNode raw, Scope scope, StateFailedException failure) {
        Catcher catcher = failure.terminal() ? null : ErrorMatching.firstCatcher(state, failure);
        if (catcher == null) {
            return CompletableFuture.failedFuture(failure);
        }
        try {
            ObjectNode errorOutput = DataFlow.errorOutput(failure);
            Variables variables = scope.variables();
            JsonNode output;
            Map<String, JsonNode> assigned;
            if (state.common().jsonata()) {
                ObjectNode states = Json.object();
                states.set("input", raw);
                states.set("context", ContextObject.build(scope, state.name(), scope.execution().clock().instant(), 0, null));
                states.set("errorOutput", errorOutput);
                assigned = DataFlow.assignments(catcher.assign(), true, null, null, states, variables);
                output = catcher.output().isMissingNode() ? errorOutput
                        : JsonataEvaluator.resolve(catcher.output(), "Catch/Output", states, variables);
            } else {
                ObjectNode context = ContextObject.build(scope, state.name(), scope.execution().clock().instant(), 0, null);
                assigned = DataFlow.assignments(catcher.assign(), false, errorOutput, context, null, variables);
                output = DataFlow.merge(catcher.resultPath(), raw, errorOutput);
            }
            variables.assignAll(assigned);
            exit(state, scope, Json.write(output), assigned, catcher.next());
            return CompletableFuture.completedFuture(new Step(output, catcher.next()));
        } catch (StateFailedException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void exit(State state, Scope scope, String output, Map<String, JsonNode> assigned, String next) {
        ObjectNode details = Json.object();
        details.put("name", state.name());
        details.put("output", output);
        details.putObject("outputDetails").put("truncated", false);
        if (!assigned.isEmpty()) {
            ObjectNode vars = details.putObject("assignedVariables");
            assigned.forEach((k, v) -> vars.put(k, Json.write(v)));
            details.putObject("assignedVariablesDetails").put("truncated", false);
        }
        scope.execution().append(HistoryEventType.exited(state.common().type()), details, scope.path(),
                next == null ? "" : next);
    }

    static ObjectNode enteredDetails(String name, JsonNode input) {
        ObjectNode details = Json.object();
        details.put("name", name);
        details.put("input", Json.write(input));
        details.putObject("inputDetails").put("truncated", false);
        return details;
    }

    @SuppressWarnings("unchecked")
    private StateRunner<State> runner(State state) {
        return (StateRunner<State>) runners.get(state.getClass());
    }

    static StateFailedException unwrap(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof StateFailedException failure ? failure : null;
    }
}
