package dev.slipway.core.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Several services released together: built in parallel, deployed in {@code depends_on} order, and
 * rolled back together when one deploy fails.
 *
 * @param services in deploy order (every service after the services it depends on; ties keep
 *                 the order of the file)
 */
public record ReleasePipeline(
        int version,
        Triggers triggers,
        Map<String, String> env,
        List<String> secrets,
        Optional<Notify> notification,
        List<Flow> flows,
        List<Service> services) implements Pipeline {

    public ReleasePipeline {
        env = Map.copyOf(env);
        secrets = List.copyOf(secrets);
        flows = List.copyOf(flows);
        services = List.copyOf(services);
    }

    public Optional<Service> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
