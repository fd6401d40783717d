package dev.slipway.core.build;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a build is in its life. A build is created QUEUED by dispatch, runs, may wait for approvals,
 * and ends in exactly one terminal state. ROLLED_BACK means a deploy failed and the previous good
 * image was restored: the build failed, but production is as it was.
 */
public enum BuildStatus {
    QUEUED,
    RUNNING,
    WAITING_APPROVAL,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    ROLLED_BACK;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == ROLLED_BACK;
    }

    /** The moves the state machine and the bot may make; a terminal state is never left. */
    public boolean canMoveTo(BuildStatus next) {
        return allowedNext().contains(next);
    }

    private Set<BuildStatus> allowedNext() {
        return switch (this) {
            case QUEUED -> EnumSet.of(RUNNING, FAILED, CANCELLED);
            case RUNNING -> EnumSet.of(WAITING_APPROVAL, SUCCEEDED, FAILED, CANCELLED, ROLLED_BACK);
            case WAITING_APPROVAL -> EnumSet.of(RUNNING, FAILED, CANCELLED);
            case SUCCEEDED, FAILED, CANCELLED, ROLLED_BACK -> EnumSet.noneOf(BuildStatus.class);
        };
    }
}
