package dev.slipway.functions.schedule;

/** The schedule's input cannot start builds; fix the schedule's target input. */
public final class ScheduleInputException extends IllegalArgumentException {

    public ScheduleInputException(String message) {
        super(message + " (the schedule target's input: {\"name\", \"repo\": {\"fullName\", \"cloneUrl\", \"isPrivate\"},"
                + " \"branches\", \"cron\", \"scheduledTime\": \"<aws.scheduler.scheduled-time>\"})");
    }
}
