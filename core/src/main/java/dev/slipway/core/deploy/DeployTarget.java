package dev.slipway.core.deploy;

import dev.slipway.core.pipeline.HealthCheck;
import dev.slipway.core.pipeline.Target;
import java.util.Optional;

/**
 * Where an environment runs a service: an ECS service in the cloud, a named container on the local
 * Docker daemon on one machine. The deploy, verify and rollback functions drive it.
 *
 * <p>Contract, checked by {@code DeployTargetContract} in the testkit:
 * <ul>
 *   <li>{@link #rollOut} starts replacing whatever runs for {@code where} with {@code image} and
 *       returns without waiting for health; rolling out the image that already runs is allowed
 *       (a retried Lambda call, a rollback to the same image).</li>
 *   <li>{@link #awaitHealthy} returns once the rolled-out image passes {@code check} (or, with no
 *       check, is running), and throws {@link DeployUnhealthyException} saying what failed when it
 *       does not within the check's timeout.</li>
 *   <li>Thread-safe for different targets; one target is never deployed by two callers at once
 *       (the {@link DeploymentStore} lock sees to that).</li>
 * </ul>
 */
public interface DeployTarget {

    /** Whether this adapter deploys to this kind of target ({@code ecs:} or {@code local:}). */
    boolean handles(Target target);

    /** @return a description of what now runs (for logs and records), e.g. a task definition ARN or container id */
    String rollOut(ServiceEnvironment where, Target target, String image);

    void awaitHealthy(ServiceEnvironment where, Target target, Optional<HealthCheck> check);
}
