package dev.slipway.core.pipeline;

/** A cron expression that cannot be parsed or can never fire. */
public final class CronSyntaxException extends IllegalArgumentException {

    public CronSyntaxException(String expression, String problem) {
        super("invalid cron \"" + expression + "\": " + problem);
    }
}
