package dev.slipway.core.deploy;

/** Whether a deployment rolls a new image out or restores an earlier one. */
public enum DeploymentKind {
    DEPLOY,
    /** An automatic rollback after a failed deploy, or {@code /rollback} by a person. */
    ROLLBACK
}
