package dev.slipway.runtime.asl.model;

import java.util.List;

/**
 * A state machine definition that AWS would refuse. Each problem names the state and field, e.g.
 * {@code SCHEMA_VALIDATION_FAILED: The field "Next" must name a state, but "Nope" is not one at /States/A/Next}.
 */
public final class DefinitionInvalidException extends RuntimeException {
    private final List<String> problems;

    public DefinitionInvalidException(List<String> problems) {
        super("Invalid State Machine Definition: '" + String.join(", ", problems) + "'");
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
