package dev.slipway.core.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A repository that builds and deploys one service (top-level {@code service:} and stages). */
public record SingleServicePipeline(
        int version,
        Triggers triggers,
        Map<String, String> env,
        List<String> secrets,
        Optional<Notify> notification,
        List<Flow> flows,
        Service service) implements Pipeline {

    public SingleServicePipeline {
        env = Map.copyOf(env);
        secrets = List.copyOf(secrets);
        flows = List.copyOf(flows);
    }

    @Override
    public List<Service> services() {
        return List.of(service);
    }
}
