package dev.slipway.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.lint.PipelineLoader;
import dev.slipway.core.pipeline.Pipeline;
import dev.slipway.core.pipeline.Service;
import dev.slipway.core.pipeline.StageKind;
import dev.slipway.core.task.ContainerSpec.Capability;
import dev.slipway.core.task.ContainerSpec.Condition;
import dev.slipway.core.task.ContainerSpec.Dependency;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageTaskCompilerTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final BuildContext PUSH = new BuildContext("gh-42", "https://git.example.com/acme/api.git", COMMIT,
            "refs/heads/main", "push", false, true);
    private final StageTaskCompiler compiler = new StageTaskCompiler("slipway/builder:dev");
    private final Pipeline pipeline = load("tasks/api/.slipway.yml");
    private final Service api = pipeline.services().get(0);

    private static Pipeline load(String resource) {
        try (InputStream in = StageTaskCompilerTest.class.getClassLoader().getResourceAsStream(resource)) {
            return PipelineLoader.load(".slipway.yml", new String(in.readAllBytes(), StandardCharsets.UTF_8)).pipelineOrThrow();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private TaskSpec compile(StageKind kind, BuildContext build) {
        return compiler.compile(pipeline, api, api.stages().get(kind).orElseThrow(), build);
    }

    @Test
    void integrationRunsCheckoutThenServicesThenTheSteps() {
        TaskSpec task = compile(StageKind.INTEGRATION, PUSH);

        assertThat(task.stage()).isEqualTo("api.integration");
        assertThat(task.containers()).extracting(ContainerSpec::name).containsExactly("checkout", "redis", "mailer", "step");
        assertThat(task.timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(task.resources()).isEqualTo(new Resources(512, 1024));
        assertThat(task.resourceLabels()).containsEntry(TaskSpec.BUILD_LABEL, "gh-42")
                .containsEntry(StageTaskCompiler.SERVICE_LABEL, "api");
        ContainerSpec step = task.container("step");
        assertThat(step.image()).isEqualTo("slipway/jre:17");
        assertThat(step.essential()).isTrue();
        assertThat(step.dependsOn()).containsExactly(new Dependency("checkout", Condition.SUCCESS),
                new Dependency("redis", Condition.HEALTHY), new Dependency("mailer", Condition.START));
        assertThat(step.workingDir()).isEqualTo(TaskSpec.WORKSPACE);
        assertThat(step.env()).containsEntry("REDIS_URL", "redis://localhost:6379").containsEntry("LOG_LEVEL", "info")
                .containsEntry("COMMIT_SHA", COMMIT).containsEntry("BRANCH", "main").containsEntry("CI", "true");
        assertThat(step.secretEnv()).containsExactly("NPM_TOKEN");
        ContainerSpec redis = task.container("redis");
        assertThat(redis.essential()).isFalse();
        assertThat(redis.command()).containsExactly("redis-server", "--save", "");
        assertThat(redis.healthCheck()).hasValueSatisfying(h -> {
            assertThat(h.command()).containsExactly("redis-cli", "ping");
            assertThat(h.retries()).isEqualTo(20);
        });
    }

    @Test
    void theCheckoutFetchesTheExactCommitAndRestoresTheServicesOutputs() {
        ContainerSpec checkout = compile(StageKind.BUILD, PUSH).container("checkout");

        assertThat(checkout.image()).isEqualTo("slipway/builder:dev");
        assertThat(checkout.essential()).isFalse();
        assertThat(String.join(" ", checkout.command())).isEqualTo("checkout --repo https://git.example.com/acme/api.git --commit "
                + COMMIT + " --ref refs/heads/main --dir /workspace --restore-outputs --build gh-42 --outputs-of api.");
        assertThat(checkout.secretEnv()).containsExactly(StageTaskCompiler.GIT_TOKEN);
        assertThat(checkout.capabilities()).containsExactly(Capability.ARTIFACT_STORE);
    }

    @Test
    void theStepIsOneSetEScriptThatPrintsEachCommandFirst() {
        ContainerSpec step = compile(StageKind.INTEGRATION, PUSH).container("step");

        assertThat(step.entrypoint()).containsExactly("sh", "-c");
        assertThat(step.command()).containsExactly("""
                set -e
                printf '%s\\n' '$ echo "it'"'"'s testing"'
                echo "it's testing"
                printf '%s\\n' '$ ./gradlew test'
                ./gradlew test
                """);
    }

    @Test
    void preBuildSavesItsOutputsAfterTheStepSucceeded() {
        TaskSpec task = compile(StageKind.PRE_BUILD, PUSH);

        assertThat(task.containers()).extracting(ContainerSpec::name).containsExactly("checkout", "step", "save-outputs");
        ContainerSpec save = task.container("save-outputs");
        assertThat(save.command()).containsExactly("save-outputs", "--build", "gh-42", "--stage", "api.pre_build", "--dir",
                "/workspace", "build/libs/");
        assertThat(save.dependsOn()).containsExactly(new Dependency("step", Condition.SUCCESS));
        assertThat(save.essential()).isTrue();
        assertThat(save.capabilities()).contains(Capability.ARTIFACT_STORE);
    }

    @Test
    void theBuildStageBuildsAndPushesWithExpandedTagsAndArgs() {
        TaskSpec task = compile(StageKind.BUILD, PUSH);

        assertThat(task.containers()).extracting(ContainerSpec::name).containsExactly("checkout", "build-image");
        assertThat(task.timeout()).isEqualTo(Duration.ofMinutes(20));
        ContainerSpec build = task.container("build-image");
        assertThat(build.capabilities()).containsExactly(Capability.DOCKER_ENGINE);
        assertThat(build.secretEnv()).containsExactlyElementsOf(StageTaskCompiler.REGISTRY_LOGIN);
        assertThat(String.join(" ", build.command())).isEqualTo("build-image --repository 127.0.0.1:5000/acme/api --context . "
                + "--dockerfile docker/Dockerfile --dir /workspace --tag " + COMMIT + " --tag main "
                + "--build-arg APP_VERSION=0123456-main --label dev.slipway.build=gh-42 "
                + "--label org.opencontainers.image.revision=" + COMMIT);
    }

    @Test
    void aForkedPullRequestGetsNoSecrets() {
        var fork = new BuildContext("gh-43", PUSH.repositoryUrl(), COMMIT, "refs/pull/7/head", "pull_request", true, true);

        assertThat(compile(StageKind.INTEGRATION, fork).containers()).allSatisfy(c -> assertThat(c.secretEnv()).isEmpty());
        assertThat(compile(StageKind.BUILD, fork).containers()).allSatisfy(c -> assertThat(c.secretEnv()).isEmpty());
    }

    @Test
    void aTagBuildHasNoBranch() {
        var tag = new BuildContext("gh-44", PUSH.repositoryUrl(), COMMIT, "refs/tags/v1.2.0", "tag", false, false);
        TaskSpec task = compile(StageKind.POST_BUILD, tag);

        assertThat(task.container("step").env()).containsEntry("TAG", "v1.2.0").containsEntry("BRANCH", "");
        assertThat(task.container("checkout").secretEnv()).isEmpty();
    }

    @Test
    void deployIsNotATask() {
        var deploy = api.stages().get(StageKind.DEPLOY).orElseThrow();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> compiler.compile(pipeline, api, deploy, PUSH))
                .hasMessageContaining("not a task stage");
    }

    @Test
    void quotesForTheShell() {
        assertThat(StageTaskCompiler.shellQuote("a'b")).isEqualTo("'a'\"'\"'b'");
        assertThat(StageTaskCompiler.script(List.of())).isEqualTo("set -e\n");
    }
}
