package dev.slipway.core.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The stages a service declares; each is optional, and they always run in {@link StageKind} order. */
public record Stages(
        Optional<CommandStage> integration,
        Optional<CommandStage> preBuild,
        Optional<BuildStage> build,
        Optional<CommandStage> postBuild,
        Optional<Deploy> deploy) {

    /** The declared stages in the order they run. */
    public List<Stage> inOrder() {
        List<Stage> stages = new ArrayList<>(5);
        integration.ifPresent(stages::add);
        preBuild.ifPresent(stages::add);
        build.ifPresent(stages::add);
        postBuild.ifPresent(stages::add);
        deploy.ifPresent(stages::add);
        return List.copyOf(stages);
    }

    public Optional<Stage> get(StageKind kind) {
        return switch (kind) {
            case INTEGRATION -> integration.map(Stage.class::cast);
            case PRE_BUILD -> preBuild.map(Stage.class::cast);
            case BUILD -> build.map(Stage.class::cast);
            case POST_BUILD -> postBuild.map(Stage.class::cast);
            case DEPLOY -> deploy.map(Stage.class::cast);
        };
    }
}
