package dev.slipway.runtime.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.runtime.asl.model.FailState;
import java.util.concurrent.CompletableFuture;

/** Fail: raises its Error and Cause, given literally, by path or intrinsic, or as JSONata. */
final class FailRunner implements StateRunner<FailState> {
    @Override
    public CompletableFuture<Outcome> work(FailState state, StateCall call) {
        String error = text(state.error(), state.errorPath(), "Error", call);
        String cause = text(state.cause(), state.causePath(), "Cause", call);
        return CompletableFuture.failedFuture(new StateFailedException(error, cause));
    }

    private static String text(JsonNode literal, String path, String field, StateCall call) {
        if (call.jsonata() && JsonataEvaluator.isExpression(literal)) {
            JsonNode value = JsonataEvaluator.resolve(literal, field, call.states(), call.scope().variables());
            return value.isTextual() ? value.asText() : Json.write(value);
        }
        if (path != null) {
            JsonNode value;
            if (IntrinsicParser.looksLikeCall(path)) {
                value = Intrinsics.evaluate(path, call.effective(), call.context(), call.scope().variables());
            } else {
                try {
                    value = Paths.select(path, call.effective(), call.context(), call.scope().variables());
                } catch (PathMissingException e) {
                    throw StateFailedException.runtime("Invalid path '" + path + "' : " + e.getMessage());
                }
            }
            return value.isTextual() ? value.asText() : Json.write(value);
        }
        return literal.isMissingNode() || literal.isNull() ? null : literal.asText();
    }

    @Override
    public boolean appliesParameters() {
        return false;
    }
}
