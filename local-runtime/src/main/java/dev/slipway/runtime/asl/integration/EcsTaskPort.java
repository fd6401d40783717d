package dev.slipway.runtime.asl.integration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletionStage;

/**
 * Runs an ECS task definition somewhere (the local Docker daemon, in the embedded runtime).
 *
 * <p>Contract, checked by {@code EcsTaskPortContract}:
 * <ul>
 *   <li>{@link #run} returns at once; the stage completes when the task has <em>stopped</em>, with the
 *       ECS task description ({@code taskArn}, {@code lastStatus: "STOPPED"}, {@code containers[].exitCode},
 *       {@code stoppedReason}). A task whose essential container exited non-zero still completes normally:
 *       deciding that it failed is the engine's job. The stage fails only if the task could not be run
 *       at all (bad parameters, no image), with a {@link dev.slipway.runtime.asl.eval.StateFailedException}
 *       named like ECS's errors ({@code ECS.InvalidParameterException}, ...).</li>
 *   <li>{@code taskToken} is non-null for {@code .waitForTaskToken}: the port must make it reachable to
 *       the task (as the {@code TASK_TOKEN} environment variable) so the task can call SendTaskSuccess.</li>
 *   <li>{@link #stop} is safe to call twice and for tasks that already stopped. Cancelling the stage
 *       {@link #run} returned means the same as StopTask (the engine cancels it when the state times
 *       out or the execution is stopped).</li>
 *   <li>Thread-safe: many tasks run at once.</li>
 * </ul>
 */
public interface EcsTaskPort {

    /** {@code parameters} are the RunTask parameters as the state gave them (Cluster, TaskDefinition, Overrides, ...). */
    CompletionStage<JsonNode> run(JsonNode parameters, String taskToken);

    void stop(String taskArn, String reason);
}
