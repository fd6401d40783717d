package dev.slipway.builder.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.time.Duration;

/** Docker clients on the httpclient5 transport; the local task runner uses the same. */
public final class DockerClients {

    private DockerClients() {
    }

    /** The daemon named by {@code DOCKER_HOST}, or the local unix socket. */
    public static DockerClient fromEnvironment() {
        return of(DefaultDockerClientConfig.createDefaultConfigBuilder().build());
    }

    /** The daemon at {@code host} ({@code unix:///var/run/docker.sock}, {@code tcp://host:2375}). */
    public static DockerClient forHost(String host) {
        return of(DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build());
    }

    private static DockerClient of(DefaultDockerClientConfig config) {
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                // One connection per followed log stream, plus commands: tasks run in parallel.
                .maxConnections(100)
                .connectionTimeout(Duration.ofSeconds(5))
                .build();
        return DockerClientImpl.getInstance(config, http);
    }
}
