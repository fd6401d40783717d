package dev.slipway.runtime.pipeline;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import dev.slipway.core.pipeline.HealthCheck;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One try of a deploy's health check; empty when healthy, otherwise what was seen. */
final class HealthProbe {

    private static final Duration TRY_TIMEOUT = Duration.ofSeconds(3);

    private final DockerClient docker;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TRY_TIMEOUT).build();

    HealthProbe(DockerClient docker) {
        this.docker = docker;
    }

    Optional<String> problem(String container, int port, HealthCheck check) {
        if (check.probe() instanceof HealthCheck.HttpProbe probe) {
            return http(port, probe.path());
        }
        return command(container, ((HealthCheck.CommandProbe) check.probe()).command().toArray(String[]::new));
    }

    private Optional<String> http(int port, String path) {
        URI uri = URI.create("http://127.0.0.1:" + port + (path.startsWith("/") ? path : "/" + path));
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).timeout(TRY_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? Optional.empty()
                    : Optional.of("GET " + uri + " answered " + response.statusCode());
        } catch (IOException e) {
            return Optional.of("GET " + uri + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    private Optional<String> command(String container, String[] command) {
        ExecCreateCmdResponse exec = docker.execCreateCmd(container).withCmd(command).exec();
        try {
            docker.execStartCmd(exec.getId()).start().awaitCompletion(TRY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
        Long code = docker.inspectExecCmd(exec.getId()).exec().getExitCodeLong();
        return code != null && code == 0 ? Optional.empty()
                : Optional.of(String.join(" ", command) + " exited with " + code);
    }
}
