package dev.slipway.runtime.asl.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.runtime.asl.Engine;
import dev.slipway.runtime.asl.RequestRejectedException;

/** Routes an {@code X-Amz-Target} operation name to its handler. */
final class SfnOperations {
    private final StateMachineApi machines;
    private final ExecutionApi executions;

    SfnOperations(Engine engine) {
        this.machines = new StateMachineApi(engine);
        this.executions = new ExecutionApi(engine);
    }

    JsonNode call(String operation, JsonNode request) throws InterruptedException {
        return switch (operation) {
            case "CreateStateMachine" -> machines.create(request);
            case "UpdateStateMachine" -> machines.update(request);
            case "DescribeStateMachine" -> machines.describe(request);
            case "ListStateMachines" -> machines.list(request);
            case "DeleteStateMachine" -> machines.delete(request);
            case "ValidateStateMachineDefinition" -> machines.validate(request);
            case "StartExecution" -> executions.start(request);
            case "StartSyncExecution" -> executions.startSync(request);
            case "DescribeExecution" -> executions.describe(request);
            case "ListExecutions" -> executions.list(request);
            case "StopExecution" -> executions.stop(request);
            case "GetExecutionHistory" -> executions.history(request);
            case "SendTaskSuccess" -> executions.sendTaskSuccess(request);
            case "SendTaskFailure" -> executions.sendTaskFailure(request);
            case "SendTaskHeartbeat" -> executions.sendTaskHeartbeat(request);
            case "RedriveExecution" -> executions.redrive(request);
            default -> throw new RequestRejectedException("UnknownOperationException",
                    "The operation '" + operation + "' is not one this engine serves");
        };
    }
}
