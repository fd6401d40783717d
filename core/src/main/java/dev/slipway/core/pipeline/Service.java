package dev.slipway.core.pipeline;

import java.util.List;

/**
 * One deployable service and its stages.
 *
 * @param name      a DNS label; for a single-service file the {@code service:} value
 * @param dependsOn names of services of the same release deployed before this one
 */
public record Service(String name, List<String> dependsOn, Stages stages) {

    public Service {
        dependsOn = List.copyOf(dependsOn);
    }
}
