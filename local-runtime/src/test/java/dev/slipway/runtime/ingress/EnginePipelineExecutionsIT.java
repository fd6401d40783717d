package dev.slipway.runtime.ingress;

import dev.slipway.core.build.PipelineExecutions;
import dev.slipway.functions.aws.SfnPipelineExecutions;
import dev.slipway.runtime.asl.api.LocalSfn;
import dev.slipway.runtime.asl.integration.TaskIntegrations;
import dev.slipway.testkit.build.PipelineExecutionsContract;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;

/** The Step Functions adapter dispatch uses, against Slipway's own engine over its HTTP API. */
class EnginePipelineExecutionsIT extends PipelineExecutionsContract {

    private static final LocalSfn SFN = new LocalSfn(new TaskIntegrations());

    @AfterAll
    static void stopEngine() {
        SFN.close();
    }

    @Override
    protected PipelineExecutions newExecutions() {
        String arn = SFN.client.createStateMachine(r -> r.name("pipeline-" + UUID.randomUUID())
                .definition(DispatchOnEngineIT.WAITING_PIPELINE)
                .roleArn("arn:aws:iam::123456789012:role/slipway-pipeline")).stateMachineArn();
        return new SfnPipelineExecutions(SFN.client, arn);
    }
}
