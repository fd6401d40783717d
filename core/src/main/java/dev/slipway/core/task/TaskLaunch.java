package dev.slipway.core.task;

import java.util.Map;
import java.util.Objects;

/**
 * How the state machine starts one stage's task: RunTask's {@code TaskDefinition} and
 * {@code Overrides} (the build-specific part: command and environment of each container).
 *
 * @param taskDefinition family:revision, or a local reference
 * @param overrides      ECS {@code TaskOverride} JSON as a map ({@code containerOverrides} ...)
 */
public record TaskLaunch(String taskDefinition, Map<String, Object> overrides) {

    public TaskLaunch {
        Objects.requireNonNull(taskDefinition, "taskDefinition");
        overrides = Map.copyOf(overrides);
    }
}
