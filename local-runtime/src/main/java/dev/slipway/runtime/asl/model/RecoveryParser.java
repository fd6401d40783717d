package dev.slipway.runtime.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Parses {@code Retry} and {@code Catch}, applying AWS's defaults and its "States.ALL must be last" rule. */
final class RecoveryParser {
    private RecoveryParser() {
    }

    static List<Retrier> retriers(JsonNode array, String at, Problems problems) {
        List<Retrier> result = new ArrayList<>();
        if (array.isMissingNode()) {
            return result;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode r = array.get(i);
            List<String> errors = errors(r, at + "/" + i, i == array.size() - 1, problems);
            JsonNode maxDelay = r.get("MaxDelaySeconds");
            result.add(new Retrier(errors, r.path("IntervalSeconds").asDouble(1), r.path("MaxAttempts").asInt(3),
                    r.path("BackoffRate").asDouble(2.0), maxDelay == null ? null : maxDelay.asLong(),
                    "FULL".equals(r.path("JitterStrategy").asText())));
        }
        return result;
    }

    static List<Catcher> catchers(JsonNode array, String at, Problems problems) {
        List<Catcher> result = new ArrayList<>();
        if (array.isMissingNode()) {
            return result;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode c = array.get(i);
            List<String> errors = errors(c, at + "/" + i, i == array.size() - 1, problems);
            String next = DefinitionParser.text(c, "Next");
            if (next == null) {
                problems.schema(at + "/" + i + "/Next", "The field \"Next\" is required in a Catcher");
            }
            result.add(new Catcher(errors, next, c.path("ResultPath"), c.path("Assign"), c.path("Output")));
        }
        return result;
    }

    private static List<String> errors(JsonNode node, String at, boolean last, Problems problems) {
        List<String> errors = new ArrayList<>();
        JsonNode array = node.path("ErrorEquals");
        if (!array.isArray() || array.isEmpty()) {
            problems.schema(at + "/ErrorEquals", "The field \"ErrorEquals\" is required and must be a non-empty array");
            return errors;
        }
        array.forEach(e -> errors.add(e.asText()));
        if (errors.contains("States.ALL") && (errors.size() > 1 || !last)) {
            problems.schema(at + "/ErrorEquals", "\"States.ALL\" must appear alone and in the last Retrier or Catcher");
        }
        return errors;
    }
}
