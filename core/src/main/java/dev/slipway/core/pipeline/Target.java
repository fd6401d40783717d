package dev.slipway.core.pipeline;

import java.util.Optional;

/** Where an environment runs the service's image. */
public sealed interface Target {

    /** A container on the local Docker daemon, published on {@code port} of the host. */
    record LocalTarget(int port, int containerPort) implements Target {
    }

    /**
     * An ECS service whose task definition gets the new image.
     *
     * @param container the container of the task definition to update; empty: the only one
     */
    record EcsTarget(String cluster, String service, Optional<String> container) implements Target {
    }
}
