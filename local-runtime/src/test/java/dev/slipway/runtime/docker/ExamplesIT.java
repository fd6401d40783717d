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
import dev.slipway.core.task.TaskStatus;
import dev.slipway.testkit.task.RecordingLogSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The examples of this repository, each committed to a git repository of its own and run stage
 * by stage (every task stage, in order) through the Docker runner, as a build of a push to main
 * would: the pushed image must pull back by its digest.
 */
class ExamplesIT {

    private static final RegistryCredentials REGISTRY = DockerFixture.registry();

    @TempDir
    Path tmp;
    private final List<String> builds = new ArrayList<>();
    private final List<String> images = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        builds.forEach(DockerFixture::assertNothingLeftOf);
        images.forEach(image -> {
            try {
                DockerFixture.DOCKER.removeImageCmd(image).withForce(true).exec();
            } catch (RuntimeException e) {
                // Not pulled: the test failed before.
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"counter", "hello-java"})
    void everyStageOfTheExampleRunsInOrder(String example) throws Exception {
        Path repo = tmp.resolve(example);
        RevCommit commit = GitFixture.commit(Path.of("../examples", example), repo, REGISTRY);
        Pipeline pipeline = PipelineLoader.load(".slipway.yml", Files.readString(repo.resolve(".slipway.yml"))).pipelineOrThrow();
        Service service = pipeline.services().get(0);
        String buildId = "ex-" + example + "-" + UUID.randomUUID().toString().substring(0, 6);
        builds.add(buildId);
        var build = new BuildContext(buildId, repo.toUri().toString(), commit.name(), "refs/heads/main", "push", false, false);
        var runner = new DockerTaskRunner(DockerFixture.DOCKER, DockerTaskRunnerConfig.defaults().withRegistry(REGISTRY, true)
                .withArtifactsDir(Files.createDirectories(tmp.resolve("artifacts"))).withHostMount(repo),
                new MapSecretStore(Map.of("SLIPWAY_REGISTRY_USERNAME", REGISTRY.username(),
                        "SLIPWAY_REGISTRY_PASSWORD", REGISTRY.password())));
        var compiler = new StageTaskCompiler(BuilderImage.get());
        String repository = service.stages().build().orElseThrow().image();
        // Listed before the stages run, so that a failing stage leaves no tagged image behind either.
        images.add(repository + ":" + commit.name());
        images.add(repository + ":main");

        List<StageKind> ran = new ArrayList<>();
        String digest = null;
        for (Stage stage : service.stages().inOrder()) {
            if (stage.kind() == StageKind.DEPLOY) {
                continue; // the engine deploys; it is no task
            }
            var sink = new RecordingLogSink();
            TaskResult result = runner.run(compiler.compile(pipeline, service, stage, build), sink, new CancelToken());
            assertThat(result.status()).as("%s %s: %s%n%s", example, stage.kind(), result.reason(), sink)
                    .isEqualTo(TaskStatus.SUCCEEDED);
            ran.add(stage.kind());
            if (stage.kind() == StageKind.BUILD) {
                digest = result.digest().orElseThrow();
            }
        }

        assertThat(ran).contains(StageKind.INTEGRATION, StageKind.BUILD);
        String byDigest = repository + "@" + digest;
        for (String tagged : images) {
            DockerFixture.DOCKER.removeImageCmd(tagged).withForce(true).exec();
        }
        images.clear();
        images.add(byDigest);
        assertThat(DockerFixture.DOCKER.pullImageCmd(byDigest).withAuthConfig(REGISTRY.toAuthConfig())
                .exec(new PullImageResultCallback()).awaitCompletion(120, TimeUnit.SECONDS)).isTrue();
        assertThat(DockerFixture.DOCKER.inspectImageCmd(byDigest).exec().getConfig().getLabels())
                .containsEntry("org.opencontainers.image.revision", commit.name());
    }
}
