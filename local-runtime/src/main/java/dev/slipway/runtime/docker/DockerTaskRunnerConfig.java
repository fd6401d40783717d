package dev.slipway.runtime.docker;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the local runner reaches images and what it mounts.
 *
 * @param sandboxImage a small image with {@code sleep}: it holds the task's network namespace
 * @param mirrors registry hosts tried, in order, for images without a registry host in their name
 * @param credentials logins used for pulls from (and given to pushes to) these hosts
 * @param dockerSocket the daemon socket mounted into containers with the DOCKER_ENGINE capability
 * @param artifactsDir host directory mounted into containers with the ARTIFACT_STORE capability;
 *     the same directory a {@link dev.slipway.core.artifact.DirectoryArtifactStore} uses
 * @param hostMounts host directories mounted read-only at the same path into every container, so
 *     that a {@code file://} repository on this machine can be checked out ({@code slipway run})
 * @param lastLines how many lines of output a result keeps
 * @param pollInterval how often container state is checked while waiting
 */
public record DockerTaskRunnerConfig(
        String sandboxImage,
        List<String> mirrors,
        List<RegistryCredentials> credentials,
        Path dockerSocket,
        Optional<Path> artifactsDir,
        List<Path> hostMounts,
        int lastLines,
        Duration pollInterval,
        Clock clock) {

    public DockerTaskRunnerConfig {
        Objects.requireNonNull(sandboxImage, "sandboxImage");
        mirrors = List.copyOf(mirrors);
        credentials = List.copyOf(credentials);
        Objects.requireNonNull(dockerSocket, "dockerSocket");
        Objects.requireNonNull(artifactsDir, "artifactsDir");
        hostMounts = List.copyOf(hostMounts);
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(clock, "clock");
    }

    public static DockerTaskRunnerConfig defaults() {
        return new DockerTaskRunnerConfig("slipway/busybox:1", List.of(), List.of(), Path.of("/var/run/docker.sock"),
                Optional.empty(), List.of(), 20, Duration.ofMillis(100), Clock.systemUTC());
    }

    public DockerTaskRunnerConfig withRegistry(RegistryCredentials login, boolean asMirror) {
        var newMirrors = new java.util.ArrayList<>(mirrors);
        if (asMirror) {
            newMirrors.add(login.host());
        }
        var newCredentials = new java.util.ArrayList<>(credentials);
        newCredentials.add(login);
        return new DockerTaskRunnerConfig(sandboxImage, newMirrors, newCredentials, dockerSocket, artifactsDir, hostMounts,
                lastLines, pollInterval, clock);
    }

    public DockerTaskRunnerConfig withArtifactsDir(Path dir) {
        return new DockerTaskRunnerConfig(sandboxImage, mirrors, credentials, dockerSocket, Optional.of(dir), hostMounts,
                lastLines, pollInterval, clock);
    }

    public DockerTaskRunnerConfig withHostMount(Path dir) {
        var mounts = new java.util.ArrayList<>(hostMounts);
        mounts.add(dir.toAbsolutePath().normalize());
        return new DockerTaskRunnerConfig(sandboxImage, mirrors, credentials, dockerSocket, artifactsDir, mounts, lastLines,
                pollInterval, clock);
    }

    Optional<RegistryCredentials> credentialsFor(String host) {
        return credentials.stream().filter(c -> c.host().equals(host)).findFirst();
    }
}
