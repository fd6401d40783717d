package dev.slipway.bot.approval;

/** The pipeline no longer waits on a task token: the approval timed out, or the build ended. */
public class TaskTokenGoneException extends Exception {

    public TaskTokenGoneException(String message, Throwable cause) {
        super(message, cause);
    }
}
