package dev.slipway.runtime.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.runtime.asl.model.WaitState;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Wait: until the entered time plus Seconds, or until Timestamp. Measured from the recorded
 * StateEntered time, so a Wait resumed after a restart ends when it would have anyway.
 */
final class WaitRunner implements StateRunner<WaitState> {
    private final DelayScheduler scheduler;

    WaitRunner(DelayScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public CompletableFuture<Outcome> work(WaitState state, StateCall call) {
        Instant until = until(state, call);
        Duration delay = Duration.between(call.execution().clock().instant(), until);
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        Outcome outcome = Outcome.of(call.effective());
        if (delay.isNegative() || delay.isZero()) {
            done.complete(outcome);
        } else {
            scheduler.schedule(delay, () -> done.complete(outcome));
        }
        return done;
    }

    private static Instant until(WaitState state, StateCall call) {
        if (call.jsonata()) {
            return jsonata(state, call);
        }
        if (!state.seconds().isMissingNode()) {
            return call.enteredTime().plusSeconds(state.seconds().asLong());
        }
        if (!state.timestamp().isMissingNode()) {
            return Timestamps.parse(state.timestamp().asText()).orElseThrow(() -> StateFailedException.runtime(
                    "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: "
                            + state.timestamp().asText())).toInstant();
        }
        if (state.secondsPath() != null) {
            JsonNode value = select(state.secondsPath(), "SecondsPath", call);
            if (!value.isIntegralNumber()) {
                throw StateFailedException.runtime("The SecondsPath parameter cannot be parsed as a long value: "
                        + state.secondsPath() + " == " + text(value));
            }
            if (value.asLong() < 0) {
                throw StateFailedException.runtime("The SecondsPath parameter references a negative value: "
                        + state.secondsPath() + " == " + text(value));
            }
            return call.enteredTime().plusSeconds(value.asLong());
        }
        JsonNode value = select(state.timestampPath(), "TimestampPath", call);
        return (value.isTextual() ? Timestamps.parse(value.asText()) : java.util.Optional.<java.time.OffsetDateTime>empty())
                .orElseThrow(() -> StateFailedException.runtime("The TimestampPath parameter does not reference a valid"
                        + " ISO-8601 extended offset date-time format string: " + state.timestampPath() + " == " + text(value)))
                .toInstant();
    }

    private static Instant jsonata(WaitState state, StateCall call) {
        if (!state.seconds().isMissingNode()) {
            JsonNode value = JsonataEvaluator.resolve(state.seconds(), "Seconds", call.states(), call.scope().variables());
            if (!value.isIntegralNumber() || value.asLong() < 0) {
                throw new StateFailedException(ErrorNames.QUERY_EVALUATION, "The JSONata expression '"
                        + state.seconds().asText() + "' specified for the field 'Seconds' returned an unexpected result"
                        + " type. Expected 'non-negative integer', but was '" + Json.typeName(value) + "' for value: "
                        + Json.write(value));
            }
            return call.enteredTime().plusSeconds(value.asLong());
        }
        JsonNode value = JsonataEvaluator.resolve(state.timestamp(), "Timestamp", call.states(), call.scope().variables());
        String text = value.isTextual() ? value.asText() : Json.write(value);
        return Timestamps.parse(text).orElseThrow(() -> new StateFailedException(ErrorNames.QUERY_EVALUATION,
                "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: " + text))
                .toInstant();
    }

    private static JsonNode select(String path, String field, StateCall call) {
        try {
            return Paths.select(path, call.effective(), call.context(), call.scope().variables());
        } catch (PathMissingException e) {
            throw StateFailedException.runtime("The " + field + " parameter references an invalid path: " + path
                    + " : " + e.getMessage());
        }
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : Json.write(value);
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
