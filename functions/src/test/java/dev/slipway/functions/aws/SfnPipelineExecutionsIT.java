package dev.slipway.functions.aws;

import dev.slipway.core.build.PipelineExecutions;
import dev.slipway.testkit.build.PipelineExecutionsContract;
import java.util.UUID;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The Step Functions adapter against moto's Step Functions API (which records executions without
 * running them). The same contract runs against Slipway's own engine once it is merged.
 */
class SfnPipelineExecutionsIT extends PipelineExecutionsContract {

    private static final String DEFINITION = "{\"StartAt\":\"Wait\",\"States\":{\"Wait\":{\"Type\":\"Wait\","
            + "\"Seconds\":600,\"End\":true}}}";

    @Override
    protected PipelineExecutions newExecutions() {
        SfnClient sfn = LocalAws.sfn(MotoServer.endpoint());
        String arn = sfn.createStateMachine(r -> r.name("pipeline-" + UUID.randomUUID()).definition(DEFINITION)
                .roleArn("arn:aws:iam::123456789012:role/slipway-pipeline")).stateMachineArn();
        return new SfnPipelineExecutions(sfn, arn);
    }
}
