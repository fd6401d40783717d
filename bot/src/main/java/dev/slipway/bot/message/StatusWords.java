package dev.slipway.bot.message;

import dev.slipway.core.build.BuildStatus;
import dev.slipway.core.build.StageStatus;

/** How build and stage states read in messages: an emoji and a few words. */
final class StatusWords {

    private StatusWords() {
    }

    static String of(StageStatus status) {
        return switch (status) {
            case PENDING -> ":white_circle: pending";
            case RUNNING -> ":arrows_counterclockwise: running";
            case WAITING_APPROVAL -> ":raised_hand: waiting for approval";
            case SUCCEEDED -> ":white_check_mark: passed";
            case FAILED -> ":x: failed";
            case TIMED_OUT -> ":alarm_clock: timed out";
            case CANCELLED -> ":no_entry_sign: cancelled";
            case SKIPPED -> ":fast_forward: skipped";
        };
    }

    static String of(BuildStatus status) {
        return switch (status) {
            case QUEUED -> ":white_circle: queued";
            case RUNNING -> ":arrows_counterclockwise: running";
            case WAITING_APPROVAL -> ":raised_hand: waiting for approval";
            case SUCCEEDED -> ":white_check_mark: succeeded";
            case FAILED -> ":x: failed";
            case CANCELLED -> ":no_entry_sign: cancelled";
            case ROLLED_BACK -> ":leftwards_arrow_with_hook: failed and rolled back";
        };
    }

    /** The words without the emoji, for notification text. */
    static String plain(BuildStatus status) {
        String both = of(status);
        return both.substring(both.indexOf(' ') + 1);
    }
}
