package dev.slipway.bot.approval;

/**
 * Answers a pipeline task waiting on a task token ({@code .waitForTaskToken}): in the cloud and on
 * one machine both, Step Functions' SendTaskSuccess and SendTaskFailure.
 *
 * <p>Contract: a call returns once the pipeline has the answer. A token the pipeline no longer
 * waits on (the task timed out, the execution ended, the token is unknown) throws
 * {@link TaskTokenGoneException}; any other exception is transient and nothing may be assumed sent.
 * Thread safe.
 */
public interface TaskCallbacks {

    /** @param outputJson the task's output, a JSON object */
    void succeed(String taskToken, String outputJson) throws TaskTokenGoneException;

    /** @param error a {@code Namespace.Name} error the state machine can catch; @param cause for people */
    void fail(String taskToken, String error, String cause) throws TaskTokenGoneException;
}
