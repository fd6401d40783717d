package dev.slipway.functions.aws;

import dev.slipway.core.task.ContainerSpec;
import dev.slipway.core.task.ContainerSpec.Capability;
import dev.slipway.core.task.Resources;
import dev.slipway.core.task.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerDependency;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.MountPoint;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.ecs.model.Volume;

/**
 * A {@link TaskSpec} as an ECS task definition, without the build-specific command and environment
 * (those go in RunTask's overrides). Command stages run on Fargate; a task with a container that
 * needs the Docker Engine (image builds) runs on the EC2 capacity provider with the host's Docker
 * socket, because Fargate offers no Docker daemon and no privileged mode.
 */
final class EcsTaskDefinitionMapper {

    static final String WORKSPACE = "workspace";
    static final String DOCKER_SOCKET = "docker-socket";

    private EcsTaskDefinitionMapper() {
    }

    static RegisterTaskDefinitionRequest definition(TaskSpec spec, EcsTaskConfig config) {
        boolean engine = spec.containers().stream().anyMatch(c -> c.capabilities().contains(Capability.DOCKER_ENGINE));
        List<ContainerDefinition> containers = new ArrayList<>();
        String prefix = CloudWatchStageLogs.streamPrefix(spec.stage());
        spec.containers().forEach(c -> containers.add(container(c, config, prefix)));
        List<Volume> volumes = new ArrayList<>(List.of(Volume.builder().name(WORKSPACE).build()));
        if (engine) {
            volumes.add(Volume.builder().name(DOCKER_SOCKET).host(h -> h.sourcePath("/var/run/docker.sock")).build());
        }
        Resources size = fargateSize(spec.resources());
        return RegisterTaskDefinitionRequest.builder()
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(engine ? Compatibility.EC2 : Compatibility.FARGATE)
                .cpu(String.valueOf(size.cpuUnits()))
                .memory(String.valueOf(size.memoryMiB()))
                .executionRoleArn(config.executionRoleArn())
                .taskRoleArn(config.taskRoleArn())
                .containerDefinitions(containers)
                .volumes(volumes)
                .build();
    }

    private static ContainerDefinition container(ContainerSpec c, EcsTaskConfig config, String streamPrefix) {
        ContainerDefinition.Builder d = ContainerDefinition.builder()
                .name(c.name())
                .image(c.image())
                .essential(c.essential())
                .entryPoint(c.entrypoint().isEmpty() ? null : c.entrypoint())
                .workingDirectory(c.workingDir().isEmpty() ? null : c.workingDir())
                .mountPoints(mounts(c))
                .secrets(c.secretEnv().stream().map(n -> Secret.builder().name(n).valueFrom(config.secretArnPrefix() + n).build()).toList())
                .dependsOn(c.dependsOn().stream().map(dep -> ContainerDependency.builder().containerName(dep.container())
                        .condition(ContainerCondition.fromValue(dep.condition().name())).build()).toList())
                .logConfiguration(LogConfiguration.builder().logDriver(LogDriver.AWSLOGS).options(Map.of(
                        "awslogs-group", config.logGroup(), "awslogs-region", config.region(),
                        "awslogs-stream-prefix", streamPrefix)).build());
        if (c.capabilities().contains(Capability.ARTIFACT_STORE)) {
            d.environment(KeyValuePair.builder().name(ContainerSpec.ARTIFACTS_ENV).value(config.artifactsUrl()).build());
        }
        c.healthCheck().ifPresent(h -> d.healthCheck(HealthCheck.builder()
                .command(prepend("CMD", h.command()))
                .interval((int) Math.max(5, h.interval().toSeconds()))
                .timeout((int) Math.max(2, h.timeout().toSeconds()))
                .retries(Math.min(10, h.retries()))
                .startPeriod((int) Math.min(300, h.startPeriod().toSeconds()))
                .build()));
        return d.build();
    }

    private static List<MountPoint> mounts(ContainerSpec c) {
        List<MountPoint> mounts = new ArrayList<>(List.of(MountPoint.builder().sourceVolume(WORKSPACE)
                .containerPath(TaskSpec.WORKSPACE).build()));
        if (c.capabilities().contains(Capability.DOCKER_ENGINE)) {
            mounts.add(MountPoint.builder().sourceVolume(DOCKER_SOCKET).containerPath("/var/run/docker.sock").build());
        }
        return mounts;
    }

    /** ECS health checks take an interval of 5-300 s and 1-10 retries: the spec's values are clamped into range. */
    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    /**
     * Fargate accepts fixed sizes: 0.25-16 vCPU, each with a range of memory. The stage's request is
     * rounded up to the next valid vCPU and to at least twice as many GiB as vCPUs.
     */
    static Resources fargateSize(Resources wanted) {
        double[] cpus = {0.25, 0.5, 1, 2, 4, 8, 16};
        double cpu = wanted.cpuUnits() <= 0 ? 1 : wanted.cpuUnits() / 1024.0;
        double chosen = 16;
        for (double option : cpus) {
            if (option >= cpu) {
                chosen = option;
                break;
            }
        }
        int minMemory = (int) Math.max(512, chosen * 2048);
        int memory = Math.max(minMemory, wanted.memoryMiB() <= 0 ? minMemory : roundUp(wanted.memoryMiB(), 1024));
        return Resources.of(chosen, memory);
    }

    private static int roundUp(int value, int step) {
        return (value + step - 1) / step * step;
    }
}
