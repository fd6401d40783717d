package dev.slipway.runtime.docker;

import dev.slipway.core.secret.MapSecretStore;
import dev.slipway.core.task.CancelToken;
import dev.slipway.core.task.ContainerSpec;
import dev.slipway.core.task.Resources;
import dev.slipway.core.task.TaskSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A runner in a JVM of its own, running one long stage, for {@link ReaperIT} to kill. */
public final class RunnerProcess {

    private RunnerProcess() {
    }

    public static void main(String[] args) {
        String build = args[0];
        var step = ContainerSpec.builder("step", DockerFixture.BUSYBOX).command("sh", "-c", "echo started; sleep 600").build();
        var service = ContainerSpec.builder("db", DockerFixture.BUSYBOX).command("sleep", "600").essential(false).build();
        var spec = new TaskSpec(build, "integration", List.of(service, step), "slipway-" + build + "-ws", Map.of(),
                Duration.ofMinutes(15), Resources.UNLIMITED);
        new DockerTaskRunner(DockerFixture.DOCKER, DockerTaskRunnerConfig.defaults(), new MapSecretStore(Map.of()))
                .run(spec, line -> System.out.println(line), new CancelToken());
    }
}
