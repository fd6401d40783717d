package dev.slipway.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.slipway.builder.docker.DockerClients;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slipway run --event tag|pull_request} on real Docker: a tag the pipeline's {@code on.tag}
 * matches is built and deployed, a pull request is built and tested and never deployed.
 */
class RunEventsIT {

    private static final String DEPLOYED = "slipway-run-events-staging";
    private final DockerClient docker = DockerClients.fromEnvironment();

    @TempDir
    Path dir;
    private Path repo;
    private int port;

    @BeforeEach
    void repository() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path fixture = Path.of("src/test/resources/run/events");
        repo = Files.createDirectories(dir.resolve("events"));
        Files.createDirectories(repo.resolve("www"));
        Files.writeString(repo.resolve(".slipway.yml"),
                Files.readString(fixture.resolve(".slipway.yml")).replace("PORT", Integer.toString(port)));
        Files.copy(fixture.resolve("Dockerfile"), repo.resolve("Dockerfile"));
        Files.copy(fixture.resolve("www/health"), repo.resolve("www/health"));
        try (Git git = Git.init().setInitialBranch("main").setDirectory(repo.toFile()).call()) {
            git.add().addFilepattern(".").call();
            PersonIdent me = new PersonIdent("Slipway Test", "test@slipway.dev");
            git.commit().setMessage("service").setAuthor(me).setCommitter(me).setSign(false).call();
            git.tag().setName("v1.0.0").setAnnotated(true).setMessage("release 1.0.0").setTagger(me).setSigned(false).call();
        }
    }

    @AfterEach
    void removeDeployment() {
        try {
            docker.removeContainerCmd(DEPLOYED).withForce(true).exec();
        } catch (NotFoundException never) {
            // not deployed
        }
    }

    @Test
    void aTagTheTriggersMatchIsBuiltAndDeployed() throws Exception {
        RunCommandIT.Result result = RunCommandIT.run(question -> Optional.empty(), "run", repo.toString(),
                "--event", "tag", "--ref", "v1.0.0", "--quiet");

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("(tag v1.0.0)").contains("✔ build SUCCEEDED")
                .contains("✔ deploy:staging SUCCEEDED");
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.body().strip()).as("the deployed container answers").isEqualTo("ok");
    }

    @Test
    void aPullRequestIsBuiltAndTestedButNeverDeployed() {
        RunCommandIT.Result result = RunCommandIT.run(question -> Optional.empty(), "run", repo.toString(),
                "--event", "pull_request", "--ref", "main", "--quiet");

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("(pull_request main)").contains("✔ integration SUCCEEDED").contains("✔ build SUCCEEDED")
                .doesNotContain("deploy:staging SUCCEEDED");
        assertThat(docker.listContainersCmd().withShowAll(true).withNameFilter(java.util.List.of(DEPLOYED)).exec())
                .as("a pull request deploys nothing").isEmpty();
    }
}
