package dev.slipway.core.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /**
     * Names of the containers the runner itself puts in a stage's task (they share one namespace
     * with the service containers), so a service container cannot take them.
     */
    public static final Set<String> RESERVED_NAMES = Set.of("checkout", "step", "save-outputs", "build-image");

    public ServiceContainer {
        env = Map.copyOf(env);
        command = List.copyOf(command);
    }
}
