package dev.slipway.functions.aws;

import dev.slipway.core.deploy.DeployTarget;
import dev.slipway.core.deploy.DeployUnhealthyException;
import dev.slipway.core.deploy.ServiceEnvironment;
import dev.slipway.core.pipeline.HealthCheck;
import dev.slipway.core.pipeline.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Deploys to an ECS service: a new revision of the service's current task definition with the
 * container's image replaced by the pushed digest, then UpdateService. Healthy means ECS's steady
 * state: the new deployment is the only one and runs the desired count ("rolloutState" COMPLETED
 * where the deployment circuit breaker reports it; FAILED means ECS gave up and rolled back itself).
 */
public final class EcsDeployTarget implements DeployTarget {

    private final EcsClient ecs;
    private final Clock clock;
    private final Duration poll;

    public EcsDeployTarget(EcsClient ecs, Clock clock, Duration poll) {
        this.ecs = ecs;
        this.clock = clock;
        this.poll = poll;
    }

    @Override
    public boolean handles(Target target) {
        return target instanceof Target.EcsTarget;
    }

    @Override
    public String rollOut(ServiceEnvironment where, Target target, String image) {
        Target.EcsTarget t = (Target.EcsTarget) target;
        Service service = describe(t, where);
        TaskDefinition current = ecs.describeTaskDefinition(r -> r.taskDefinition(service.taskDefinition())).taskDefinition();
        String container = t.container().orElse(current.containerDefinitions().get(0).name());
        if (current.containerDefinitions().stream().noneMatch(c -> c.name().equals(container))) {
            throw new IllegalArgumentException("the task definition of ECS service " + t.service() + " has no container '"
                    + container + "'; set deploy." + where.environment() + ".ecs.container in .slipway.yml");
        }
        List<ContainerDefinition> containers = current.containerDefinitions().stream()
                .map(c -> c.name().equals(container) ? c.toBuilder().image(image).build() : c).toList();
        String revision = ecs.registerTaskDefinition(r -> r.family(current.family()).containerDefinitions(containers)
                .taskRoleArn(current.taskRoleArn()).executionRoleArn(current.executionRoleArn())
                .networkMode(current.networkMode()).volumes(current.volumes())
                .requiresCompatibilities(current.requiresCompatibilities()).cpu(current.cpu()).memory(current.memory()))
                .taskDefinition().taskDefinitionArn();
        ecs.updateService(r -> r.cluster(t.cluster()).service(t.service()).taskDefinition(revision));
        return revision;
    }

    @Override
    public void awaitHealthy(ServiceEnvironment where, Target target, Optional<HealthCheck> check) {
        Target.EcsTarget t = (Target.EcsTarget) target;
        Instant deadline = clock.instant().plus(check.map(HealthCheck::timeout).orElse(HealthCheck.DEFAULT_TIMEOUT));
        String seen = "no deployment yet";
        while (clock.instant().isBefore(deadline)) {
            Service service = describe(t, where);
            Deployment primary = service.deployments().stream().filter(d -> "PRIMARY".equals(d.status())).findFirst().orElse(null);
            if (primary != null && "FAILED".equals(primary.rolloutStateAsString())) {
                throw new DeployUnhealthyException(where, primary.taskDefinition(), "ECS reports the rollout FAILED: "
                        + primary.rolloutStateReason());
            }
            if (primary != null && service.deployments().size() == 1 && primary.runningCount().equals(primary.desiredCount())) {
                return;
            }
            seen = primary == null ? seen : primary.runningCount() + " of " + primary.desiredCount() + " tasks running, "
                    + service.deployments().size() + " deployments";
            pause();
        }
        throw new DeployUnhealthyException(where, t.service(), "no steady state within the health check timeout (" + seen + ")");
    }

    private Service describe(Target.EcsTarget t, ServiceEnvironment where) {
        List<Service> services = ecs.describeServices(r -> r.cluster(t.cluster()).services(t.service())).services();
        if (services.isEmpty()) {
            throw new IllegalArgumentException("ECS service " + t.service() + " does not exist in cluster " + t.cluster()
                    + " (deploy." + where.environment() + " in .slipway.yml); create it first, Slipway updates existing services");
        }
        return services.get(0);
    }

    private void pause() {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the ECS service to settle", e);
        }
    }
}
