package dev.slipway.runtime.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.runtime.asl.model.ChoiceRule;
import dev.slipway.runtime.asl.model.ChoiceState;
import java.util.concurrent.CompletableFuture;

/** Choice: the first matching rule picks the next state; no match and no Default is States.NoChoiceMatched. */
final class ChoiceRunner implements StateRunner<ChoiceState> {
    @Override
    public CompletableFuture<Outcome> work(ChoiceState state, StateCall call) {
        ChoiceEvaluator evaluator = new ChoiceEvaluator(call.effective(), call.context(), call.scope().variables());
        for (ChoiceState.Branch branch : state.choices()) {
            boolean matched = branch.rule() instanceof ChoiceRule.Condition condition
                    ? condition(condition, call) : evaluator.matches(branch.rule());
            if (matched) {
                return CompletableFuture.completedFuture(
                        new Outcome(call.effective(), branch.next(), branch.assign(), branch.output()));
            }
        }
        if (state.defaultNext() != null) {
            return CompletableFuture.completedFuture(new Outcome(call.effective(), state.defaultNext(),
                    Paths.missing(), Paths.missing()));
        }
        return CompletableFuture.failedFuture(new StateFailedException(ErrorNames.NO_CHOICE_MATCHED,
                "No Matches!"));
    }

    private static boolean condition(ChoiceRule.Condition condition, StateCall call) {
        JsonNode value = JsonataEvaluator.resolve(condition.condition(), "Condition", call.states(), call.scope().variables());
        if (!value.isBoolean()) {
            throw new StateFailedException(ErrorNames.QUERY_EVALUATION, "The JSONata expression '"
                    + JsonataEvaluator.expressionOf(condition.condition()) + "' specified for the field 'Condition'"
                    + " returned an unexpected result type. Expected 'boolean', but was '" + Json.typeName(value)
                    + "' for value: " + Json.write(value));
        }
        return value.asBoolean();
    }

    @Override
    public boolean appliesParameters() {
        return false;
    }

    @Override
    public boolean producesResult() {
        return false;
    }
}
