package dev.slipway.core.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Commands run in one container of {@code image} ({@code integration}, {@code pre_build} or
 * {@code post_build}), with service containers reachable on {@code localhost}.
 *
 * @param kind     never {@link StageKind#BUILD} or {@link StageKind#DEPLOY}
 * @param commands run in order by {@code sh -c}; the first failure fails the stage
 * @param outputs  workspace-relative files or directories kept for later stages (only {@code pre_build})
 * @param retry    further attempts after a failed one, 0 to 5
 * @param approval when present, the stage waits for approval before it starts
 */
public record CommandStage(
        StageKind kind,
        String image,
        List<String> commands,
        Map<String, String> env,
        List<ServiceContainer> services,
        List<String> outputs,
        Duration timeout,
        int retry,
        Resources resources,
        Optional<Approval> approval) implements Stage {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(60);

    public CommandStage {
        if (kind == StageKind.BUILD || kind == StageKind.DEPLOY) {
            throw new IllegalArgumentException("a command stage cannot be " + kind.key());
        }
        commands = List.copyOf(commands);
        env = Map.copyOf(env);
        services = List.copyOf(services);
        outputs = List.copyOf(outputs);
    }
}
