package dev.slipway.runtime.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Workflow variables ({@code Assign}). A Map iteration or Parallel branch gets a child scope: it reads
 * its parents' variables, and what it assigns stays in its own scope, as AWS scopes them.
 */
public final class Variables {
    private final Variables parent;
    private final Map<String, JsonNode> values = new ConcurrentHashMap<>();

    public Variables(Variables parent) {
        this.parent = parent;
    }

    public static Variables root() {
        return new Variables(null);
    }

    public Variables child() {
        return new Variables(this);
    }

    /** The value, or null when no scope defines the name. */
    public JsonNode get(String name) {
        for (Variables scope = this; scope != null; scope = scope.parent) {
            JsonNode value = scope.values.get(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** Assigns in this scope: an inner scope shadows, and never changes, its parents' variables. */
    public void assignAll(Map<String, JsonNode> assignments) {
        values.putAll(assignments);
    }

    /** Every visible variable, inner scopes shadowing outer ones (for JSONata bindings). */
    public Map<String, JsonNode> visible() {
        Map<String, JsonNode> all = parent == null ? new java.util.HashMap<>() : parent.visible();
        all.putAll(values);
        return all;
    }
}
