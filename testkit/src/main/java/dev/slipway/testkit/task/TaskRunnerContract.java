package dev.slipway.testkit.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.task.CancelToken;
import dev.slipway.core.task.ContainerSpec;
import dev.slipway.core.task.ContainerSpec.Condition;
import dev.slipway.core.task.LogSink;
import dev.slipway.core.task.Resources;
import dev.slipway.core.task.TaskOutputs;
import dev.slipway.core.task.TaskResult;
import dev.slipway.core.task.TaskRunner;
import dev.slipway.core.task.TaskSpec;
import dev.slipway.core.task.TaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link TaskRunner} contract as tests: every runner (Docker locally, a fake for tests without
 * Docker, ECS later) extends this class. Commands are POSIX sh with busybox-level tools.
 */
public abstract class TaskRunnerContract {

    /** The secrets every runner under test must be able to look up. */
    public static final Map<String, String> SECRETS = Map.of("API_TOKEN", "tok-3f9a77c2e1d0", "OTHER", "o7h3r-v4lue");

    private final List<TaskSpec> ran = new ArrayList<>();

    /** The runner under test, with {@link #SECRETS} in its secret store. */
    protected abstract TaskRunner runner();

    /** An image with {@code sh}, {@code echo}, {@code sleep}, {@code printf} and {@code base64}. */
    protected abstract String image();

    /** Checks that nothing of the task remains (containers, networks, volumes, processes). */
    protected abstract void assertNothingLeftOf(TaskSpec spec);

    @AfterEach
    void nothingIsLeftBehind() {
        ran.forEach(this::assertNothingLeftOf);
    }

    protected ContainerSpec.Builder step(String name, String script) {
        return ContainerSpec.builder(name, image()).entrypoint(List.of("sh", "-c")).command(script).workingDir(TaskSpec.WORKSPACE);
    }

    protected TaskSpec task(Duration timeout, ContainerSpec... containers) {
        String build = "tck-" + UUID.randomUUID().toString().substring(0, 8);
        TaskSpec spec = new TaskSpec(build, "integration", List.of(containers), "slipway-" + build + "-ws",
                Map.of("dev.slipway.test", "tck"), timeout, Resources.UNLIMITED);
        ran.add(spec);
        return spec;
    }

    protected TaskSpec task(ContainerSpec... containers) {
        return task(Duration.ofMinutes(1), containers);
    }

    protected TaskResult run(TaskSpec spec, LogSink sink) {
        return runner().run(spec, sink, new CancelToken());
    }

    @Test
    void runsCommandsAndStreamsTheirLinesInOrder() {
        var sink = new RecordingLogSink();
        TaskResult result = run(task(step("step", "echo one; echo two >&2; echo three").build()), sink);
        assertThat(result.status()).as(result.reason()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(result.exitCode()).hasValue(0);
        assertThat(result.reason()).isEmpty();
        assertThat(sink.texts("step")).containsSubsequence("one", "three").contains("two");
        assertThat(result.timings().duration()).isPositive();
    }

    @Test
    void aFailingCommandFailsTheTaskKeepingExitCodeAndLastLines() {
        TaskResult result = run(task(step("step", "echo preparing; echo broken >&2; exit 3").build()), new RecordingLogSink());
        assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(result.exitCode()).hasValue(3);
        assertThat(result.lastLines()).contains("preparing", "broken");
        assertThat(result.reason()).contains("step").contains("3");
    }

    @Test
    void keepsOnlyTheLastLines() {
        TaskResult result = run(task(step("step", "i=0; while [ $i -lt 500 ]; do echo line-$i; i=$((i+1)); done; exit 1").build()),
                LogSink.discard());
        assertThat(result.lastLines()).hasSizeBetween(1, 100).endsWith("line-499");
    }

    @Test
    void passesPlainEnvironmentVariables() {
        var sink = new RecordingLogSink();
        TaskResult result = run(task(step("step", "echo \"greeting=$GREETING\"").env("GREETING", "hello world").build()), sink);
        assertThat(result.succeeded()).as(result.reason()).isTrue();
        assertThat(sink.texts("step")).contains("greeting=hello world");
    }

    @Test
    void masksSecretValuesAndTheirEncodings() {
        String token = SECRETS.get("API_TOKEN");
        String base64 = Base64.getEncoder().encodeToString(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var sink = new RecordingLogSink();
        TaskResult result = run(task(step("step", "echo \"token=$API_TOKEN\"; printf %s \"$API_TOKEN\" | base64; "
                + "printf '%s' \"$API_TOKEN\" | head -c 5; sleep 1; printf '%s\\n' \"$API_TOKEN\" | cut -c6-; exit 1")
                .secretEnv(List.of("API_TOKEN")).build()), sink);
        assertThat(sink.texts("step")).contains("token=***", "***")
                .noneMatch(t -> t.contains(token) || t.contains(base64));
        assertThat(result.lastLines()).noneMatch(t -> t.contains(token));
    }

    @Test
    void aMissingSecretIsAnErrorNamingIt() {
        TaskResult result = run(task(step("step", "echo never").secretEnv(List.of("NOT_THERE")).build()), new RecordingLogSink());
        assertThat(result.status()).isEqualTo(TaskStatus.ERROR);
        assertThat(result.reason()).contains("NOT_THERE").contains("secret store");
    }

    @Test
    void containersShareTheWorkspace() {
        var sink = new RecordingLogSink();
        TaskResult result = run(task(
                step("writer", "echo shared-content > handoff.txt; exit 5").essential(false).build(),
                step("reader", "cat handoff.txt").dependsOn("writer", Condition.COMPLETE).build()), sink);
        assertThat(result.succeeded()).as(result.reason()).isTrue();
        assertThat(sink.texts("reader")).containsExactly("shared-content");
    }

    @Test
    void aContainerWaitingForSuccessOfAFailedOneNeverStarts() {
        var sink = new RecordingLogSink();
        TaskResult result = run(task(
                step("checkout", "echo no such commit; exit 4").essential(false).build(),
                step("step", "echo should-not-run").dependsOn("checkout", Condition.SUCCESS).build()), sink);
        assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(result.exitCode()).hasValue(4);
        assertThat(result.reason()).contains("checkout").contains("4").contains("step");
        assertThat(result.lastLines()).contains("no such commit");
        assertThat(sink.contains("should-not-run")).isFalse();
    }

    @Test
    void aContainerWaitingForHealthyStartsOnlyOnceTheCheckPasses() {
        var sink = new RecordingLogSink();
        var check = new ContainerSpec.HealthCheck(List.of("test", "-f", "ready"), Duration.ofMillis(200), Duration.ofSeconds(2),
                50, Duration.ZERO);
        TaskResult result = run(task(
                step("db", "echo warming up; sleep 1; touch ready; sleep 60").essential(false).healthCheck(check).build(),
                step("step", "test -f ready && echo saw-ready").dependsOn("db", Condition.HEALTHY).build()), sink);
        assertThat(result.succeeded()).as(result.reason()).isTrue();
        assertThat(sink.texts("step")).containsExactly("saw-ready");
    }

    @Test
    void aServiceThatNeverBecomesHealthyIsAnErrorNamingIt() {
        var check = new ContainerSpec.HealthCheck(List.of("false"), Duration.ofMillis(200), Duration.ofSeconds(1), 2, Duration.ZERO);
        TaskResult result = run(task(
                step("queue", "echo queue up; sleep 60").essential(false).healthCheck(check).build(),
                step("step", "echo should-not-run").dependsOn("queue", Condition.HEALTHY).build()), new RecordingLogSink());
        assertThat(result.status()).isEqualTo(TaskStatus.ERROR);
        assertThat(result.reason()).contains("service queue never became healthy");
        assertThat(result.lastLines()).contains("queue up");
    }

    @Test
    void recordsTheDigestAnImageBuildingContainerPrinted() {
        String digest = "sha256:" + "0123456789abcdef".repeat(4);
        TaskResult result = run(task(step("build-image", "echo pushing; echo '" + TaskOutputs.digestLine(digest) + "'")
                .capability(ContainerSpec.Capability.DOCKER_ENGINE).build()), LogSink.discard());
        assertThat(result.succeeded()).as(result.reason()).isTrue();
        assertThat(result.digest()).contains(digest);
    }

    @Test
    void ignoresADigestPrintedByAnOrdinaryCommand() {
        String fake = "sha256:" + "f".repeat(64);
        TaskResult result = run(task(step("step", "echo '" + TaskOutputs.digestLine(fake) + "'").build()), LogSink.discard());
        assertThat(result.succeeded()).as(result.reason()).isTrue();
        assertThat(result.digest()).isEmpty();
    }

    @Test
    void aFailingLogSinkDoesNotFailTheTask() {
        TaskResult result = run(task(step("step", "echo one; echo two").build()), line -> {
            throw new IllegalStateException("sink broken");
        });
        assertThat(result.succeeded()).as(result.reason()).isTrue();
        assertThat(result.lastLines()).containsExactly("one", "two");
    }

    @Test
    void aTaskLongerThanItsTimeoutIsStopped() {
        TaskResult result = run(task(Duration.ofSeconds(2), step("step", "echo started; sleep 60; echo finished").build()),
                new RecordingLogSink());
        assertThat(result.status()).isEqualTo(TaskStatus.TIMED_OUT);
        assertThat(result.reason()).contains("timeout");
        assertThat(result.lastLines()).doesNotContain("finished");
    }

    @Test
    void cancelStopsARunningTaskWithinFiveSeconds() throws Exception {
        var sink = new RecordingLogSink();
        var cancel = new CancelToken();
        TaskSpec spec = task(step("step", "echo running; sleep 60; echo finished").build());
        CompletableFuture<TaskResult> running = CompletableFuture.supplyAsync(() -> runner().run(spec, sink, cancel));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> sink.contains("running"));
        cancel.cancel("stopped by U123");
        TaskResult result = running.get(5, TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(result.reason()).contains("U123");
        assertThat(sink.contains("finished")).isFalse();
    }

    @Test
    void aTaskCancelledBeforeItStartsRunsNothing() {
        var sink = new RecordingLogSink();
        var cancel = new CancelToken();
        cancel.cancel("build superseded");
        TaskResult result = runner().run(task(step("step", "echo ran").build()), sink, cancel);
        assertThat(result.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(sink.lines()).isEmpty();
    }

    @Test
    void runningTheSameSpecTwiceRunsItTwice() {
        TaskSpec spec = task(step("step", "echo again").build());
        var first = new RecordingLogSink();
        var second = new RecordingLogSink();
        assertThat(run(spec, first).succeeded()).isTrue();
        assertThat(run(spec, second).succeeded()).isTrue();
        assertThat(second.texts("step")).containsExactly("again");
    }
}
