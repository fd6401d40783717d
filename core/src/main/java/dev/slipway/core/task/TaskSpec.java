package dev.slipway.core.task;

import dev.slipway.core.build.BuildId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One stage of one build, as a group of containers that share a network namespace (services are
 * reachable on {@code localhost}) and a workspace volume mounted at {@link #WORKSPACE}.
 *
 * <p>Provider-neutral on purpose: the local runner maps it onto Docker containers, the cloud maps
 * it onto one ECS RunTask request (containers, dependsOn, healthCheck, essential and the task size
 * have the same meaning there).
 *
 * @param buildId the build this task belongs to; part of every label and resource name
 * @param stage the stage name ({@code integration}, {@code pre_build}, ...)
 * @param containers in declaration order; names are unique
 * @param workspaceVolume name of the task-scoped volume mounted at {@link #WORKSPACE}
 * @param labels extra labels for every resource the runner creates
 * @param timeout the whole task is stopped after this long and ends TIMED_OUT
 * @param resources the task size; containers without their own limits share it
 */
public record TaskSpec(
        String buildId,
        String stage,
        List<ContainerSpec> containers,
        String workspaceVolume,
        Map<String, String> labels,
        Duration timeout,
        Resources resources) {

    /** Where the workspace volume is mounted in every container. */
    public static final String WORKSPACE = "/workspace";
    /** Label naming the build on every container, network and volume (DESIGN.md §6). */
    public static final String BUILD_LABEL = "dev.slipway.build";
    /** Label naming the stage on every container, network and volume. */
    public static final String STAGE_LABEL = "dev.slipway.stage";

    public TaskSpec {
        // A build id is as long as BuildId allows (nightly ids carry a schedule key and a day);
        // Docker labels and names take that, only the stage stays a short name.
        requireLabelValue(buildId, "buildId", BuildId.MAX_LENGTH);
        requireLabelValue(stage, "stage", 63);
        containers = List.copyOf(containers);
        Objects.requireNonNull(workspaceVolume, "workspaceVolume");
        labels = Map.copyOf(labels);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(resources, "resources");
        if (containers.isEmpty()) {
            throw new IllegalArgumentException("task " + buildId + "/" + stage + " has no containers");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("task " + buildId + "/" + stage + ": timeout must be positive, was " + timeout);
        }
        checkDependencies(containers);
    }

    /** The labels every resource of this task carries: the extra labels plus build and stage. */
    public Map<String, String> resourceLabels() {
        var all = new java.util.HashMap<>(labels);
        all.put(BUILD_LABEL, buildId);
        all.put(STAGE_LABEL, stage);
        return Map.copyOf(all);
    }

    public ContainerSpec container(String name) {
        return containers.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("task " + buildId + "/" + stage + " has no container " + name));
    }

    private static void requireLabelValue(String value, String what, int maxLength) {
        if (value == null || !value.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0," + (maxLength - 1) + "}")) {
            throw new IllegalArgumentException(what + " must be 1-" + maxLength + " letters, digits, '_', '.' or '-', was: "
                    + value);
        }
    }

    /** Names unique, dependencies known and declared earlier: this keeps the graph acyclic. */
    private static void checkDependencies(List<ContainerSpec> containers) {
        Map<String, ContainerSpec> seen = new java.util.HashMap<>();
        for (ContainerSpec c : containers) {
            for (ContainerSpec.Dependency d : c.dependsOn()) {
                ContainerSpec dependency = seen.get(d.container());
                if (dependency == null) {
                    throw new IllegalArgumentException("container " + c.name() + " depends on " + d.container()
                            + ", which is not declared before it; declare dependencies first");
                }
                if (d.condition() == ContainerSpec.Condition.HEALTHY && dependency.healthCheck().isEmpty()) {
                    throw new IllegalArgumentException("container " + c.name() + " waits for " + d.container()
                            + " to be HEALTHY, but " + d.container() + " has no health check; add one or wait for START");
                }
            }
            if (seen.putIfAbsent(c.name(), c) != null) {
                throw new IllegalArgumentException("container name " + c.name() + " is used twice; names must be unique");
            }
        }
        if (containers.stream().noneMatch(ContainerSpec::essential)) {
            throw new IllegalArgumentException("a task needs at least one essential container");
        }
    }
}
