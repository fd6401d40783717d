package dev.slipway.core.pipeline;

import java.util.List;
import java.util.Optional;

/** Rollout to named environments, one after the other in the order of the file. */
public record Deploy(List<Environment> environments) implements Stage {

    public Deploy {
        environments = List.copyOf(environments);
    }

    @Override
    public StageKind kind() {
        return StageKind.DEPLOY;
    }

    public Optional<Environment> environment(String name) {
        return environments.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
