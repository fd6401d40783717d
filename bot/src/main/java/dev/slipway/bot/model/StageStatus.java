package dev.slipway.bot.model;

/** A stage's or a deploy's state as the build message shows it. */
public enum StageStatus {
    PENDING(":white_circle:", "pending"),
    RUNNING(":arrows_counterclockwise:", "running"),
    WAITING_APPROVAL(":raised_hand:", "waiting for approval"),
    SUCCEEDED(":white_check_mark:", "passed"),
    FAILED(":x:", "failed"),
    SKIPPED(":fast_forward:", "skipped"),
    CANCELLED(":no_entry_sign:", "cancelled"),
    ROLLED_BACK(":leftwards_arrow_with_hook:", "rolled back");

    private final String emoji;
    private final String words;

    StageStatus(String emoji, String words) {
        this.emoji = emoji;
        this.words = words;
    }

    public String emoji() {
        return emoji;
    }

    public String words() {
        return words;
    }

    public boolean finished() {
        return this != PENDING && this != RUNNING && this != WAITING_APPROVAL;
    }
}
