package dev.slipway.core.dispatch;

import dev.slipway.core.pipeline.StageKind;
import java.util.List;

/**
 * What one service of a build runs.
 *
 * @param name         the service
 * @param dependsOn    services deployed before it (release pipelines)
 * @param stages       the non-deploy stages to run, in order
 * @param environments the environments to deploy to, in order; empty when the build does not deploy
 */
public record PlannedService(String name, List<String> dependsOn, List<StageKind> stages, List<String> environments) {

    public PlannedService {
        dependsOn = List.copyOf(dependsOn);
        stages = List.copyOf(stages);
        environments = List.copyOf(environments);
    }
}
