package dev.slipway.core.deploy;

import dev.slipway.core.pipeline.Target;
import java.util.List;

/** The adapters of one runtime; the first that handles a target gets it. */
public record DeployTargets(List<DeployTarget> adapters) {

    public DeployTargets {
        adapters = List.copyOf(adapters);
    }

    public DeployTarget forTarget(Target target) {
        return adapters.stream().filter(a -> a.handles(target)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no deploy adapter for " + target
                        + " in this runtime: ecs targets deploy in the cloud, local targets on one machine"));
    }
}
