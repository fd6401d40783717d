package dev.slipway.testkit.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.PipelineExecutions;
import dev.slipway.core.build.PipelineExecutions.StartResult;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link PipelineExecutions} contract: every implementation's test extends this. */
public abstract class PipelineExecutionsContract {

    private PipelineExecutions executions;

    protected abstract PipelineExecutions newExecutions();

    @BeforeEach
    void setUpExecutions() {
        executions = newExecutions();
    }

    private static BuildId fresh() {
        return BuildId.of("test-" + UUID.randomUUID());
    }

    @Test
    void startNamesTheExecutionAfterTheBuild() {
        BuildId build = fresh();

        StartResult result = executions.start(build, "{\"buildId\":\"" + build + "\"}");

        assertThat(result.executionArn()).endsWith(":" + build.value());
    }

    @Test
    void startingTwiceStartsOneExecution() {
        BuildId build = fresh();
        String input = "{\"buildId\":\"" + build + "\"}";

        StartResult first = executions.start(build, input);
        StartResult second = executions.start(build, input);
        StartResult third = executions.start(build, "{\"buildId\":\"" + build + "\",\"other\":1}");

        assertThat(second.executionArn()).isEqualTo(first.executionArn());
        assertThat(third.executionArn()).isEqualTo(first.executionArn());
        assertThat(third.alreadyStarted()).isTrue();
    }

    @Test
    void stoppingIsSafeForUnknownAndStoppedExecutions() {
        BuildId build = fresh();
        executions.stop(fresh(), "never started");
        executions.start(build, "{}");

        executions.stop(build, "superseded by a newer push");
        executions.stop(build, "superseded by a newer push");

        assertThat(executions.start(build, "{}").executionArn()).endsWith(":" + build.value());
    }
}
