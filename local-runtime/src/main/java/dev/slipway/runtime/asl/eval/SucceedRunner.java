package dev.slipway.runtime.asl.eval;

import dev.slipway.runtime.asl.model.SucceedState;
import java.util.concurrent.CompletableFuture;

/** Succeed: ends its program with its (InputPath/OutputPath-filtered) input. */
final class SucceedRunner implements StateRunner<SucceedState> {
    @Override
    public CompletableFuture<Outcome> work(SucceedState state, StateCall call) {
        return CompletableFuture.completedFuture(Outcome.of(call.effective()));
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
