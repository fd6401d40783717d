package dev.slipway.runtime.pipeline;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import dev.slipway.core.deploy.DeployTarget;
import dev.slipway.core.deploy.DeployUnhealthyException;
import dev.slipway.core.deploy.ServiceEnvironment;
import dev.slipway.core.pipeline.HealthCheck;
import dev.slipway.core.pipeline.Target;
import dev.slipway.runtime.docker.Reaper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code local:} deploy target: the image runs as one named container on the local Docker
 * daemon ({@code slipway-<service>-<environment>}), publishing the environment's port. A rollout
 * replaces the container (the host port can be bound only once, so the old one goes first); the
 * health check is an HTTP GET on the published port or a command run in the container.
 */
public final class DockerDeployTarget implements DeployTarget {

    /** Label on deployed containers, so that people and the reaper can tell them from stage containers. */
    public static final String DEPLOY_LABEL = Reaper.DEPLOY_LABEL;

    private final DockerClient docker;
    private final HealthProbe probe;
    private final Clock clock;
    private final Duration interval;

    public DockerDeployTarget(DockerClient docker, Clock clock, Duration interval) {
        this.docker = docker;
        this.probe = new HealthProbe(docker);
        this.clock = clock;
        this.interval = interval;
    }

    public static String containerName(ServiceEnvironment where) {
        return "slipway-" + where.service() + "-" + where.environment();
    }

    @Override
    public boolean handles(Target target) {
        return target instanceof Target.LocalTarget;
    }

    @Override
    public String rollOut(ServiceEnvironment where, Target target, String image) {
        Target.LocalTarget local = (Target.LocalTarget) target;
        String name = containerName(where);
        remove(name);
        ExposedPort port = ExposedPort.tcp(local.containerPort());
        Ports bindings = new Ports();
        bindings.bind(port, Ports.Binding.bindIpAndPort("127.0.0.1", local.port()));
        String id = docker.createContainerCmd(image).withName(name)
                .withLabels(Map.of(DEPLOY_LABEL, where.toString()))
                .withExposedPorts(port)
                .withHostConfig(HostConfig.newHostConfig().withPortBindings(bindings)
                        .withRestartPolicy(com.github.dockerjava.api.model.RestartPolicy.unlessStoppedRestart()))
                .exec().getId();
        docker.startContainerCmd(id).exec();
        return id;
    }

    @Override
    public void awaitHealthy(ServiceEnvironment where, Target target, Optional<HealthCheck> check) {
        Target.LocalTarget local = (Target.LocalTarget) target;
        String name = containerName(where);
        Duration timeout = check.map(HealthCheck::timeout).orElse(HealthCheck.DEFAULT_TIMEOUT);
        Instant deadline = clock.instant().plus(timeout);
        String last = "not checked yet";
        while (true) {
            InspectContainerResponse state = inspect(where, name);
            if (!Boolean.TRUE.equals(state.getState().getRunning())) {
                throw new DeployUnhealthyException(where, state.getConfig().getImage(), "the container exited with code "
                        + state.getState().getExitCodeLong() + " (docker logs " + name + ")");
            }
            Optional<String> problem = check.isEmpty() ? Optional.empty() : probe.problem(name, local.port(), check.get());
            if (problem.isEmpty()) {
                return;
            }
            last = problem.get();
            if (!clock.instant().plus(interval).isBefore(deadline)) {
                throw new DeployUnhealthyException(where, state.getConfig().getImage(), "still unhealthy after " + timeout
                        + ": " + last);
            }
            pause();
        }
    }

    private InspectContainerResponse inspect(ServiceEnvironment where, String name) {
        try {
            return docker.inspectContainerCmd(name).exec();
        } catch (NotFoundException e) {
            throw new DeployUnhealthyException(where, "(none)", "no container " + name + " runs; was it removed by hand?");
        }
    }

    private void remove(String name) {
        try {
            docker.removeContainerCmd(name).withForce(true).exec();
        } catch (NotFoundException e) {
            // Nothing deployed there yet.
        }
    }

    private void pause() {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a deploy to become healthy", e);
        }
    }
}
