package dev.slipway.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.slipway.core.task.ContainerSpec;
import dev.slipway.core.task.ContainerSpec.Capability;
import dev.slipway.core.task.Resources;
import dev.slipway.core.task.TaskSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Creates the Docker objects of one task: workspace volume, network, sandbox and containers. */
final class ContainerFactory {

    /** Where containers with the ARTIFACT_STORE capability find the store. */
    static final String ARTIFACTS_MOUNT = "/slipway/artifacts";
    static final String CONTAINER_LABEL = "dev.slipway.container";
    private static final String SANDBOX = "sandbox";

    private final DockerClient docker;
    private final DockerTaskRunnerConfig config;
    private final TaskSpec spec;

    ContainerFactory(DockerClient docker, DockerTaskRunnerConfig config, TaskSpec spec) {
        this.docker = docker;
        this.config = config;
        this.spec = spec;
    }

    String resourceName(String suffix) {
        return "slipway-" + spec.buildId() + "-" + spec.stage() + "-" + suffix;
    }

    void createVolume() {
        docker.createVolumeCmd().withName(spec.workspaceVolume()).withLabels(spec.resourceLabels()).exec();
    }

    /**
     * A network of its own for the task, and a sandbox container on it that only holds the network
     * namespace: the other containers join it ({@code container:<sandbox>}), so they reach each
     * other on localhost, as containers of one awsvpc task do.
     */
    String startSandbox() {
        String network = resourceName("net");
        docker.createNetworkCmd().withName(network).withLabels(spec.resourceLabels()).exec();
        String id = docker.createContainerCmd(config.sandboxImage())
                .withName(resourceName(SANDBOX))
                .withLabels(labels(SANDBOX))
                .withCmd("sleep", "2147483647")
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode(network))
                .exec().getId();
        docker.startContainerCmd(id).exec();
        return id;
    }

    String create(ContainerSpec c, String sandboxId, Map<String, String> secrets) {
        CreateContainerCmd cmd = docker.createContainerCmd(c.image())
                .withName(resourceName(c.name()))
                .withLabels(labels(c.name()))
                .withEnv(env(c, secrets))
                .withHostConfig(hostConfig(c, sandboxId));
        if (!c.entrypoint().isEmpty()) {
            cmd.withEntrypoint(c.entrypoint());
        }
        if (!c.command().isEmpty()) {
            cmd.withCmd(c.command());
        }
        if (!c.workingDir().isEmpty()) {
            cmd.withWorkingDir(c.workingDir());
        }
        c.healthCheck().ifPresent(h -> cmd.withHealthcheck(healthCheck(h)));
        return cmd.exec().getId();
    }

    private Map<String, String> labels(String container) {
        Map<String, String> labels = new HashMap<>(spec.resourceLabels());
        labels.put(CONTAINER_LABEL, container);
        return labels;
    }

    private List<String> env(ContainerSpec c, Map<String, String> secrets) {
        List<String> env = new ArrayList<>();
        c.env().forEach((k, v) -> env.add(k + "=" + v));
        c.secretEnv().forEach(name -> env.add(name + "=" + secrets.get(name)));
        if (c.capabilities().contains(Capability.ARTIFACT_STORE)) {
            env.add(ContainerSpec.ARTIFACTS_ENV + "=" + ARTIFACTS_MOUNT);
        }
        return env;
    }

    private HostConfig hostConfig(ContainerSpec c, String sandboxId) {
        List<Bind> binds = new ArrayList<>();
        binds.add(new Bind(spec.workspaceVolume(), new Volume(TaskSpec.WORKSPACE)));
        if (c.capabilities().contains(Capability.DOCKER_ENGINE)) {
            String socket = config.dockerSocket().toString();
            binds.add(new Bind(socket, new Volume("/var/run/docker.sock")));
        }
        if (c.capabilities().contains(Capability.ARTIFACT_STORE)) {
            String dir = config.artifactsDir().orElseThrow(() -> new IllegalStateException(
                    "container " + c.name() + " needs the artifact store, but the runner has no artifacts directory; "
                            + "configure DockerTaskRunnerConfig.withArtifactsDir")).toString();
            binds.add(new Bind(dir, new Volume(ARTIFACTS_MOUNT)));
        }
        for (Path mount : config.hostMounts()) {
            binds.add(new Bind(mount.toString(), new Volume(mount.toString()), AccessMode.ro));
        }
        HostConfig host = HostConfig.newHostConfig().withNetworkMode("container:" + sandboxId).withBinds(binds);
        // A container's own limits win; without them it gets the task's (ECS task size).
        Resources limits = c.resources().isUnlimited() ? spec.resources() : c.resources();
        if (limits.cpuUnits() > 0) {
            host.withNanoCPUs(limits.cpuUnits() * 1_000_000_000L / 1024);
        }
        if (limits.memoryMiB() > 0) {
            host.withMemory(limits.memoryMiB() * 1024L * 1024L);
        }
        return host;
    }

    private static HealthCheck healthCheck(ContainerSpec.HealthCheck h) {
        List<String> test = new ArrayList<>();
        test.add("CMD");
        test.addAll(h.command());
        return new HealthCheck().withTest(test).withInterval(nanos(h.interval())).withTimeout(nanos(h.timeout()))
                .withRetries(h.retries()).withStartPeriod(nanos(h.startPeriod()));
    }

    private static Long nanos(Duration d) {
        // Docker rejects intervals under 1 ms; zero means "use the default".
        return d.isZero() ? 0L : Math.max(d.toNanos(), 1_000_000L);
    }
}
