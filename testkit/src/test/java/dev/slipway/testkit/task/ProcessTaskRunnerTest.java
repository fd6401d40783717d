package dev.slipway.testkit.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.secret.MapSecretStore;
import dev.slipway.core.task.TaskRunner;
import dev.slipway.core.task.TaskSpec;
import java.time.Clock;

/** The process-backed fake keeps the same TaskRunner contract as the Docker runner. */
class ProcessTaskRunnerTest extends TaskRunnerContract {

    private final ProcessTaskRunner runner = new ProcessTaskRunner(new MapSecretStore(SECRETS), Clock.systemUTC());

    @Override
    protected TaskRunner runner() {
        return runner;
    }

    @Override
    protected String image() {
        return "ignored-by-the-process-runner";
    }

    @Override
    protected void assertNothingLeftOf(TaskSpec spec) {
        assertThat(runner.liveProcesses()).isEmpty();
        assertThat(runner.workspaces()).isEmpty();
    }
}
