package dev.slipway.runtime.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a state runs: its execution, the variables it sees, its scope path ("" at the top level,
 * "Map/2" in the third iteration of state Map, "Par/branch1" in a Parallel branch) and, inside a Map
 * iteration, the {@code $$.Map.Item} object.
 */
public record Scope(Execution execution, Variables variables, String path, JsonNode mapItem) {

    public static Scope top(Execution execution) {
        return new Scope(execution, execution.variables(), "", null);
    }

    public Scope child(String segment, JsonNode item) {
        String childPath = path.isEmpty() ? segment : path + "/" + segment;
        return new Scope(execution, variables.child(), childPath, item);
    }

    public boolean topLevel() {
        return path.isEmpty();
    }
}
