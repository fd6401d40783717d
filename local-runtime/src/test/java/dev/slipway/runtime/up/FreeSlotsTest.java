package dev.slipway.runtime.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.runtime.asl.api.LocalSfn;
import dev.slipway.runtime.asl.api.RecordingEcsPort;
import dev.slipway.runtime.asl.integration.EcsIntegration;
import dev.slipway.runtime.asl.integration.TaskIntegrations;
import dev.slipway.runtime.config.UpConfig;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/** The slots the queue consumer may fill: the limit less the pipeline's executions still running, asked over the API. */
class FreeSlotsTest {

    /** Waits on its task token until the test answers, as a build waits on a stage. */
    private static final String WAITING = "{\"StartAt\":\"Stage\",\"States\":{\"Stage\":{\"Type\":\"Task\","
            + "\"Resource\":\"arn:aws:states:::ecs:runTask.waitForTaskToken\",\"Parameters\":{\"token.$\":\"$$.Task.Token\"},"
            + "\"End\":true}}}";

    @Test
    void runningExecutionsOfThePipelineTakeSlotsUntilTheyEnd() {
        RecordingEcsPort ecs = new RecordingEcsPort();
        try (LocalSfn sfn = new LocalSfn(new TaskIntegrations().register(new EcsIntegration(ecs)))) {
            String pipeline = sfn.engine.createStateMachine("pipeline", WAITING, null, null).arn();
            String other = sfn.engine.createStateMachine("other", WAITING, null, null).arn();
            IntSupplier free = SlipwayUp.freeSlots(2, sfn.client, pipeline);

            assertThat(free.getAsInt()).isEqualTo(2);
            sfn.engine.startExecution(pipeline, "b1", "{}");
            sfn.engine.startExecution(other, "not-a-build", "{}");
            assertThat(free.getAsInt()).isEqualTo(1);
            sfn.engine.startExecution(pipeline, "b2", "{}");
            assertThat(free.getAsInt()).isZero();

            await().until(() -> ecs.tokens.size() == 3);
            ecs.tokens.forEach(token -> sfn.engine.sendTaskSuccess(token, "{}"));
            await().until(() -> free.getAsInt() == 2);
        }
    }

    @Test
    void withoutALimitThereIsAlwaysRoom() {
        try (LocalSfn sfn = new LocalSfn(new TaskIntegrations())) {
            assertThat(SlipwayUp.freeSlots(UpConfig.UNLIMITED, sfn.client, "arn:aws:states:us-east-1:000000000000:stateMachine:p")
                    .getAsInt()).isEqualTo(Integer.MAX_VALUE);
        }
    }
}
