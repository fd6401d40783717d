package dev.slipway.functions.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Task descriptions in both shapes: Step Functions' (PascalCase) and the SDK's (camelCase). */
class TaskOutcomeTest {

    @Test
    void readsStepFunctionsPascalCase() {
        TaskOutcome outcome = TaskOutcome.fromCause("{\"TaskArn\":\"arn:aws:ecs:us-east-1:1:task/c/abc\",\"StoppedReason\":"
                + "\"Essential container in task exited\",\"Containers\":[{\"Name\":\"checkout\",\"ExitCode\":0,\"Essential\":false},"
                + "{\"Name\":\"step\",\"ExitCode\":2}]}");
        assertThat(outcome.taskArn()).endsWith("/abc");
        assertThat(outcome.exitCode()).hasValue(2);
        assertThat(outcome.stoppedReason()).isEqualTo("Essential container in task exited");
    }

    @Test
    void readsCamelCaseAndIgnoresNonEssentialContainers() {
        TaskOutcome outcome = TaskOutcome.fromCause("{\"taskArn\":\"t\",\"containers\":[{\"name\":\"svc\",\"exitCode\":137,"
                + "\"essential\":false},{\"name\":\"step\",\"exitCode\":0,\"essential\":true}]}");
        assertThat(outcome.exitCode()).hasValue(0);
    }

    @Test
    void aCauseThatIsNotATaskGivesAnEmptyOutcome() {
        TaskOutcome outcome = TaskOutcome.fromCause("Capacity is unavailable at this time.");
        assertThat(outcome.taskArn()).isEmpty();
        assertThat(outcome.exitCode()).isEmpty();
    }
}
