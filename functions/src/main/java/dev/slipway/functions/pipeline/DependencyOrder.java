package dev.slipway.functions.pipeline;

import dev.slipway.core.pipeline.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Services in {@code depends_on} order, file order among equals (the linter has already refused cycles). */
final class DependencyOrder {

    private DependencyOrder() {
    }

    static List<Service> of(List<Service> services) {
        Map<String, Service> pending = new LinkedHashMap<>();
        services.forEach(s -> pending.put(s.name(), s));
        List<Service> ordered = new ArrayList<>();
        List<String> done = new ArrayList<>();
        while (!pending.isEmpty()) {
            Service next = pending.values().stream()
                    .filter(s -> s.dependsOn().stream().allMatch(d -> done.contains(d) || !pending.containsKey(d)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("services " + pending.keySet()
                            + " depend on each other in a cycle; fix depends_on in .slipway.yml"));
            pending.remove(next.name());
            done.add(next.name());
            ordered.add(next);
        }
        return ordered;
    }
}
