package dev.slipway.runtime.docker;

import dev.slipway.core.secret.MapSecretStore;
import dev.slipway.core.task.TaskRunner;
import dev.slipway.core.task.TaskSpec;
import dev.slipway.testkit.task.TaskRunnerContract;

/** The Docker runner keeps the TaskRunner contract, on the real daemon. */
class DockerTaskRunnerIT extends TaskRunnerContract {

    private final TaskRunner runner = new DockerTaskRunner(DockerFixture.DOCKER, DockerTaskRunnerConfig.defaults(),
            new MapSecretStore(SECRETS));

    @Override
    protected TaskRunner runner() {
        return runner;
    }

    @Override
    protected String image() {
        return DockerFixture.BUSYBOX;
    }

    @Override
    protected void assertNothingLeftOf(TaskSpec spec) {
        DockerFixture.assertNothingLeftOf(spec.buildId());
    }
}
