package dev.slipway.bot.approval;

import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * {@link TaskCallbacks} through the Step Functions API. AWS answers a token whose task has ended
 * with {@code TaskTimedOut} (also after the execution stopped), one it never issued with
 * {@code TaskDoesNotExist} or {@code InvalidToken}; all three mean nobody waits any more.
 */
public final class SfnTaskCallbacks implements TaskCallbacks {

    private final SfnClient sfn;

    public SfnTaskCallbacks(SfnClient sfn) {
        this.sfn = sfn;
    }

    @Override
    public void succeed(String taskToken, String outputJson) throws TaskTokenGoneException {
        try {
            sfn.sendTaskSuccess(r -> r.taskToken(taskToken).output(outputJson));
        } catch (TaskTimedOutException | TaskDoesNotExistException | InvalidTokenException e) {
            throw new TaskTokenGoneException("the pipeline no longer waits for this approval: " + e.awsErrorDetails().errorCode(), e);
        }
    }

    @Override
    public void fail(String taskToken, String error, String cause) throws TaskTokenGoneException {
        try {
            // Step Functions limits error to 256 and cause to 32768 characters.
            sfn.sendTaskFailure(r -> r.taskToken(taskToken).error(truncate(error, 256)).cause(truncate(cause, 32_768)));
        } catch (TaskTimedOutException | TaskDoesNotExistException | InvalidTokenException e) {
            throw new TaskTokenGoneException("the pipeline no longer waits for this approval: " + e.awsErrorDetails().errorCode(), e);
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
