package dev.slipway.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.builder.docker.DockerClients;
import dev.slipway.core.secret.MapSecretStore;
import dev.slipway.core.task.CancelToken;
import dev.slipway.core.task.ContainerSpec;
import dev.slipway.core.task.LogSink;
import dev.slipway.core.task.Resources;
import dev.slipway.core.task.TaskResult;
import dev.slipway.core.task.TaskSpec;
import dev.slipway.core.task.TaskStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the runner says when there is no daemon to talk to: no Docker needed for that. */
class DockerTaskRunnerTest {

    @TempDir
    Path tmp;

    @Test
    void aDaemonThatIsNotThereIsAnErrorSayingSo() {
        String host = "unix://" + tmp.resolve("no-docker.sock");
        var runner = new DockerTaskRunner(DockerClients.forHost(host), DockerTaskRunnerConfig.defaults(),
                new MapSecretStore(Map.of()));
        var spec = new TaskSpec("b-1", "integration", List.of(ContainerSpec.builder("step", "slipway/busybox:1").build()),
                "ws", Map.of(), Duration.ofMinutes(1), Resources.UNLIMITED);

        TaskResult result = runner.run(spec, LogSink.discard(), new CancelToken());

        assertThat(result.status()).isEqualTo(TaskStatus.ERROR);
        assertThat(result.reason()).contains("stage integration of build b-1 could not run on Docker")
                .contains("Docker daemon is running");
        assertThat(result.exitCode()).isEmpty();
    }
}
