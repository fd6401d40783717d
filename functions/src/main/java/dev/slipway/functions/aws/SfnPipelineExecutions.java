package dev.slipway.functions.aws;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.PipelineExecutions;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;

/**
 * {@link PipelineExecutions} through the Step Functions API (AWS, or Slipway's engine on one
 * machine): executions are named after the build id.
 *
 * <p>Step Functions: "StartExecution is idempotent for STANDARD workflows ... If StartExecution is
 * called with the same name and input as a running execution, the call succeeds and return the same
 * response as the original request. If the execution is closed or if the input is different, it
 * returns a 400 ExecutionAlreadyExists error." Both mean the build's execution exists: success.
 */
public final class SfnPipelineExecutions implements PipelineExecutions {

    private final SfnClient sfn;
    private final String stateMachineArn;

    public SfnPipelineExecutions(SfnClient sfn, String stateMachineArn) {
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
    }

    @Override
    public StartResult start(BuildId build, String input) {
        try {
            String arn = sfn.startExecution(r -> r.stateMachineArn(stateMachineArn).name(build.value()).input(input))
                    .executionArn();
            return new StartResult(arn, false);
        } catch (ExecutionAlreadyExistsException e) {
            return new StartResult(executionArn(build), true);
        }
    }

    @Override
    public void stop(BuildId build, String cause) {
        try {
            sfn.stopExecution(r -> r.executionArn(executionArn(build)).error("Slipway.Cancelled").cause(cause));
        } catch (ExecutionDoesNotExistException e) {
            // Never started: nothing to stop.
        }
    }

    /** arn:aws:states:REGION:ACCOUNT:stateMachine:NAME → arn:aws:states:REGION:ACCOUNT:execution:NAME:EXECUTION. */
    String executionArn(BuildId build) {
        return stateMachineArn.replaceFirst(":stateMachine:", ":execution:") + ":" + build.value();
    }
}
