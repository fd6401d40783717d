package dev.slipway.core.pipeline;

/** What happens when a deploy or its health check fails. */
public enum RollbackPolicy {
    /** Restore the last good image at once (the default). */
    AUTO,
    /** Leave the failed version and wait for a person's {@code /rollback}. */
    MANUAL
}
