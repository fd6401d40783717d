package dev.slipway.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import dev.slipway.builder.docker.DockerClients;
import dev.slipway.core.deploy.DeployUnhealthyException;
import dev.slipway.core.deploy.ServiceEnvironment;
import dev.slipway.core.pipeline.HealthCheck;
import dev.slipway.core.pipeline.Target;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local deploy target on the real Docker daemon: busybox httpd images, one that serves /health and one that does not. */
class DockerDeployTargetIT {

    private static final DockerClient DOCKER = DockerClients.fromEnvironment();
    private static final String HEALTHY = "slipway-it/deploy:healthy";
    private static final String BROKEN = "slipway-it/deploy:broken";

    private final ServiceEnvironment where = new ServiceEnvironment("it" + UUID.randomUUID().toString().substring(0, 6), "staging");
    private final DockerDeployTarget target = new DockerDeployTarget(DOCKER, Clock.systemUTC(), Duration.ofMillis(200));

    @BeforeAll
    static void images(@TempDir Path dir) throws IOException {
        build(dir.resolve("healthy"), "RUN mkdir -p /www && echo ok > /www/health", HEALTHY);
        build(dir.resolve("broken"), "RUN mkdir -p /www", BROKEN);
    }

    private static void build(Path dir, String run, String tag) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("Dockerfile"), "FROM slipway/busybox:1\n" + run + "\n"
                + "CMD [\"httpd\", \"-f\", \"-p\", \"8080\", \"-h\", \"/www\"]\n");
        DOCKER.buildImageCmd(dir.toFile()).withTags(Set.of(tag)).withPull(false).exec(new BuildImageResultCallback())
                .awaitImageId();
    }

    @AfterEach
    void remove() {
        DOCKER.removeContainerCmd(DockerDeployTarget.containerName(where)).withForce(true).exec();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aHealthyImageServesOnItsPortAndAReplacementTakesItsPlace() throws IOException {
        Target.LocalTarget local = new Target.LocalTarget(freePort(), 8080);
        Optional<HealthCheck> http = Optional.of(new HealthCheck(new HealthCheck.HttpProbe("/health"), Duration.ofSeconds(20)));

        target.rollOut(where, local, HEALTHY);
        target.awaitHealthy(where, local, http);
        String first = DOCKER.inspectContainerCmd(DockerDeployTarget.containerName(where)).exec().getId();
        target.rollOut(where, local, HEALTHY);
        target.awaitHealthy(where, local, http);

        var running = DOCKER.inspectContainerCmd(DockerDeployTarget.containerName(where)).exec();
        assertThat(running.getId()).isNotEqualTo(first);
        assertThat(running.getConfig().getLabels()).containsEntry(DockerDeployTarget.DEPLOY_LABEL, where.toString());
    }

    @Test
    void anImageThatFailsItsHealthCheckIsReportedWithWhatTheCheckSaw() throws IOException {
        Target.LocalTarget local = new Target.LocalTarget(freePort(), 8080);
        target.rollOut(where, local, BROKEN);

        assertThatThrownBy(() -> target.awaitHealthy(where, local,
                Optional.of(new HealthCheck(new HealthCheck.HttpProbe("/health"), Duration.ofSeconds(2)))))
                .isInstanceOf(DeployUnhealthyException.class)
                .hasMessageContaining("answered 404").hasMessageContaining(where.toString());
    }

    @Test
    void aCommandHealthCheckRunsInTheContainer() throws IOException {
        Target.LocalTarget local = new Target.LocalTarget(freePort(), 8080);
        target.rollOut(where, local, HEALTHY);

        target.awaitHealthy(where, local, Optional.of(new HealthCheck(
                new HealthCheck.CommandProbe(List.of("test", "-f", "/www/health")), Duration.ofSeconds(10))));
        assertThatThrownBy(() -> target.awaitHealthy(where, local, Optional.of(new HealthCheck(
                new HealthCheck.CommandProbe(List.of("test", "-f", "/www/missing")), Duration.ofSeconds(1)))))
                .isInstanceOf(DeployUnhealthyException.class).hasMessageContaining("exited with 1");
    }
}
