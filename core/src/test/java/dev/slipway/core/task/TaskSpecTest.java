package dev.slipway.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.task.ContainerSpec.Condition;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskSpecTest {

    private static ContainerSpec.Builder container(String name) {
        return ContainerSpec.builder(name, "slipway/busybox:1").command("true");
    }

    private static TaskSpec task(List<ContainerSpec> containers) {
        return new TaskSpec("b-1", "integration", containers, "ws", Map.of("team", "a"), Duration.ofMinutes(1), Resources.UNLIMITED);
    }

    @Test
    void labelsNameBuildAndStage() {
        TaskSpec spec = task(List.of(container("step").build()));
        assertThat(spec.resourceLabels()).containsEntry(TaskSpec.BUILD_LABEL, "b-1")
                .containsEntry(TaskSpec.STAGE_LABEL, "integration").containsEntry("team", "a");
    }

    @Test
    void takesTheLongestBuildIdANightlyBuildGets() {
        String nightly = BuildId.forSchedule("nightly-acme/a-rather-long-repository-name-main",
                LocalDate.of(2026, 12, 6)).value();
        TaskSpec spec = new TaskSpec(nightly, "integration", List.of(container("step").build()), "ws", Map.of(),
                Duration.ofMinutes(1), Resources.UNLIMITED);
        assertThat(nightly.length()).isGreaterThan(63);
        assertThat(spec.resourceLabels()).containsEntry(TaskSpec.BUILD_LABEL, nightly);
        assertThatThrownBy(() -> new TaskSpec("b".repeat(81), "integration", List.of(container("step").build()), "ws",
                Map.of(), Duration.ofMinutes(1), Resources.UNLIMITED)).hasMessageContaining("buildId must be 1-80");
    }

    @Test
    void rejectsADependencyDeclaredLater() {
        var step = container("step").dependsOn("db", Condition.HEALTHY).build();
        var db = container("db").essential(false).build();
        assertThatThrownBy(() -> task(List.of(step, db)))
                .hasMessageContaining("step depends on db, which is not declared before it");
    }

    @Test
    void rejectsWaitingForHealthOfAContainerWithoutAHealthCheck() {
        var db = container("db").essential(false).build();
        var step = container("step").dependsOn("db", Condition.HEALTHY).build();
        assertThatThrownBy(() -> task(List.of(db, step))).hasMessageContaining("db has no health check");
    }

    @Test
    void rejectsDuplicateNames() {
        assertThatThrownBy(() -> task(List.of(container("step").build(), container("step").build())))
                .hasMessageContaining("step is used twice");
    }

    @Test
    void needsAnEssentialContainer() {
        assertThatThrownBy(() -> task(List.of(container("db").essential(false).build())))
                .hasMessageContaining("at least one essential container");
    }

    @Test
    void rejectsContainerNamesThatAreNotDnsLabels() {
        assertThatThrownBy(() -> container("My_Step").build()).hasMessageContaining("DNS label").hasMessageContaining("My_Step");
    }

    @Test
    void rejectsAVariableThatIsBothPlainAndSecret() {
        assertThatThrownBy(() -> container("step").env("TOKEN", "x").secretEnv(List.of("TOKEN")).build())
                .hasMessageContaining("TOKEN is both a plain and a secret variable");
    }

    @Test
    void rejectsABuildIdThatCannotBeALabel() {
        assertThatThrownBy(() -> new TaskSpec("b 1", "integration", List.of(container("step").build()), "ws", Map.of(),
                Duration.ofMinutes(1), Resources.UNLIMITED)).hasMessageContaining("buildId");
    }

    @Test
    void healthCheckPatienceCoversEveryRetry() {
        var hc = new ContainerSpec.HealthCheck(List.of("true"), Duration.ofSeconds(1), Duration.ofSeconds(2), 3, Duration.ofSeconds(5));
        assertThat(hc.patience()).isEqualTo(Duration.ofSeconds(5 + 3 * 4));
    }

    @Test
    void resourcesFromVcpu() {
        assertThat(Resources.of(0.5, 512)).isEqualTo(new Resources(512, 512));
    }

    @Test
    void digestMarkerRoundTrips() {
        String digest = "sha256:" + "ab".repeat(32);
        assertThat(TaskOutputs.digestIn("12:00 " + TaskOutputs.digestLine(digest))).contains(digest);
        assertThat(TaskOutputs.digestIn("slipway:digest=sha256:short")).isEmpty();
    }

    @Test
    void cancelTokenRunsListenersOnceAndLateListenersAtOnce() {
        CancelToken token = new CancelToken();
        var calls = new java.util.concurrent.atomic.AtomicInteger();
        token.onCancel(calls::incrementAndGet);
        assertThat(token.cancel("user")).isTrue();
        assertThat(token.cancel("again")).isFalse();
        token.onCancel(calls::incrementAndGet);
        assertThat(calls).hasValue(2);
        assertThat(token.reason()).isEqualTo("user");
    }
}
