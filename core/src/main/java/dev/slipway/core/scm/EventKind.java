package dev.slipway.core.scm;

/** What started a build; pipeline triggers ({@code on:} in .slipway.yml) are matched against it. */
public enum EventKind {
    /** A push of commits to a branch. */
    PUSH,
    /** A tag pushed (created). */
    TAG,
    /** A pull/merge request opened, updated (new commits) or reopened. */
    PULL_REQUEST,
    /** A nightly (cron) build from the scheduler. */
    SCHEDULE,
    /** {@code /build} from Slack or {@code slipway run}. */
    MANUAL,
    /** {@code /deploy} from Slack. */
    CHAT
}
