package dev.slipway.runtime.asl.eval;

import dev.slipway.runtime.asl.model.PassState;
import java.util.concurrent.CompletableFuture;

/** Pass: the result is {@code Result} when given, else the (Parameters-shaped) input. */
final class PassRunner implements StateRunner<PassState> {
    @Override
    public CompletableFuture<Outcome> work(PassState state, StateCall call) {
        boolean literal = !call.jsonata() && !state.common().result().isMissingNode();
        return CompletableFuture.completedFuture(Outcome.of(literal ? state.common().result() : call.payload()));
    }
}
