package dev.slipway.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.PullImageResultCallback;
import dev.slipway.core.lint.PipelineLoader;
import dev.slipway.core.pipeline.Pipeline;
import dev.slipway.core.pipeline.Service;
import dev.slipway.core.pipeline.Stage;
import dev.slipway.core.pipeline.StageKind;
import dev.slipway.core.secret.MapSecretStore;
import dev.slipway.core.task.BuildContext;
import dev.slipway.core.task.CancelToken;
import dev.slipway.core.task.StageTaskCompiler;
import dev.slipway.core.task.TaskResult;
import dev.slipway.core.task.TaskSpec;
import dev.slipway.core.task.TaskStatus;
import dev.slipway.testkit.task.RecordingLogSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository's pipeline, compiled stage by stage and run through the Docker runner with the real
 * builder image: checkout of the exact commit, a service on localhost, outputs handed from
 * pre_build to the image build, push with credentials, and the pushed image pulled by digest.
 */
class StageTasksIT {

    private static final RegistryCredentials REGISTRY = DockerFixture.registry();
    private static final String TOKEN = "s3cret-api-token-9981";

    @TempDir
    Path tmp;
    private Path repo;
    private RevCommit commit;
    private DockerTaskRunner runner;
    private final List<String> builds = new ArrayList<>();
    private final List<String> images = new ArrayList<>();

    @BeforeEach
    void repository() throws Exception {
        repo = tmp.resolve("app");
        commit = GitFixture.commit(Path.of("src/test/resources/repos/app"), repo, REGISTRY);
        var config = DockerTaskRunnerConfig.defaults().withRegistry(REGISTRY, true)
                .withArtifactsDir(Files.createDirectories(tmp.resolve("artifacts"))).withHostMount(repo);
        var secrets = new MapSecretStore(Map.of("API_TOKEN", TOKEN, "SLIPWAY_REGISTRY_USERNAME", REGISTRY.username(),
                "SLIPWAY_REGISTRY_PASSWORD", REGISTRY.password()));
        runner = new DockerTaskRunner(DockerFixture.DOCKER, config, secrets);
    }

    @AfterEach
    void cleanUp() {
        builds.forEach(DockerFixture::assertNothingLeftOf);
        for (String image : images) {
            try {
                DockerFixture.DOCKER.removeImageCmd(image).withForce(true).exec();
            } catch (RuntimeException e) {
                // Not created by this test.
            }
        }
    }

    private BuildContext build(String repositoryUrl, String sha) {
        String id = "it-" + UUID.randomUUID().toString().substring(0, 8);
        builds.add(id);
        return new BuildContext(id, repositoryUrl, sha, "refs/heads/main", "push", false, false);
    }

    private Pipeline pipeline() throws IOException {
        return PipelineLoader.load(".slipway.yml", Files.readString(repo.resolve(".slipway.yml"))).pipelineOrThrow();
    }

    private TaskResult run(TaskSpec spec, RecordingLogSink sink) {
        return runner.run(spec, sink, new CancelToken());
    }

    @Test
    void everyStageRunsInOrderAndTheImageBuiltFromPreBuildOutputsPullsBackByDigest() throws Exception {
        Pipeline pipeline = pipeline();
        Service app = pipeline.services().get(0);
        BuildContext build = build(repo.toUri().toString(), commit.name());
        var compiler = new StageTaskCompiler(BuilderImage.get());
        String repository = REGISTRY.host() + "/slipway-it/app";
        // Listed before the stages run, so that a failing stage leaves no tagged image behind either.
        images.add(repository + ":" + commit.name());
        images.add(repository + ":main");
        TaskResult buildResult = null;
        for (Stage stage : app.stages().inOrder()) {
            var sink = new RecordingLogSink();
            TaskResult result = run(compiler.compile(pipeline, app, stage, build), sink);
            assertThat(result.status()).as(stage.kind() + ": " + result.reason() + "\n" + sink).isEqualTo(TaskStatus.SUCCEEDED);
            assertThat(sink.texts()).noneMatch(l -> l.contains(TOKEN));
            if (stage.kind() == StageKind.INTEGRATION) {
                assertThat(sink.texts("checkout")).anyMatch(l -> l.startsWith("checked out " + commit.name()));
                assertThat(sink.texts("step")).contains("service answered; token is ***");
            }
            if (stage.kind() == StageKind.BUILD) {
                assertThat(result.digest()).as(sink.toString()).isPresent();
                buildResult = result;
            }
        }
        assertThat(buildResult).isNotNull();
        assertThat(buildResult.digest()).isPresent();
        String byDigest = repository + "@" + buildResult.digest().get();
        images.forEach(i -> DockerFixture.DOCKER.removeImageCmd(i).withForce(true).exec());
        images.clear();
        images.add(byDigest);
        assertThat(DockerFixture.DOCKER.pullImageCmd(byDigest).withAuthConfig(REGISTRY.toAuthConfig())
                .exec(new PullImageResultCallback()).awaitCompletion(60, TimeUnit.SECONDS)).isTrue();
        assertThat(runImage(byDigest)).containsExactly("hello from " + commit.name(), "version " + commit.name().substring(0, 7));
    }

    @Test
    void aRepositoryThatDoesNotExistFailsTheStageNamingIt() throws Exception {
        Pipeline pipeline = pipeline();
        Service app = pipeline.services().get(0);
        String missing = tmp.resolve("no-such-repo").toUri().toString();
        var sink = new RecordingLogSink();

        TaskResult result = run(new StageTaskCompiler(BuilderImage.get()).compile(pipeline, app,
                app.stages().get(StageKind.POST_BUILD).orElseThrow(), build(missing, commit.name())), sink);

        assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(result.reason()).contains("checkout").contains("repository " + missing + " does not exist");
        assertThat(sink.contains("released")).isFalse();
    }

    @Test
    void aCommitThatDoesNotExistFailsTheStageNamingIt() throws Exception {
        Pipeline pipeline = pipeline();
        Service app = pipeline.services().get(0);
        String missing = "feedfacefeedfacefeedfacefeedfacefeedface";

        TaskResult result = run(new StageTaskCompiler(BuilderImage.get()).compile(pipeline, app,
                app.stages().get(StageKind.POST_BUILD).orElseThrow(), build(repo.toUri().toString(), missing)),
                new RecordingLogSink());

        assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(result.reason()).contains("commit " + missing + " does not exist in " + repo.toUri());
    }

    private List<String> runImage(String image) {
        String build = "it-run-" + UUID.randomUUID().toString().substring(0, 8);
        builds.add(build);
        var spec = new TaskSpec(build, "verify", List.of(dev.slipway.core.task.ContainerSpec.builder("app", image).build()),
                "slipway-" + build + "-ws", Map.of(), java.time.Duration.ofMinutes(1), dev.slipway.core.task.Resources.UNLIMITED);
        var sink = new RecordingLogSink();
        TaskResult result = run(spec, sink);
        assertThat(result.succeeded()).as(result.reason()).isTrue();
        return sink.texts("app");
    }
}
