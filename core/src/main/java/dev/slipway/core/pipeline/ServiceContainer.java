package dev.slipway.core.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A container started beside a command stage (database, broker), reachable on {@code localhost}.
 *
 * @param name    a DNS label, unique in the stage
 * @param command overrides the image's command when not empty
 */
public record ServiceContainer(
        String name,
        String image,
        Map<String, String> env,
        List<String> command,
        Optional<ServiceHealthCheck> healthCheck) {

    public ServiceContainer {
        env = Map.copyOf(env);
        command = List.copyOf(command);
    }
}
