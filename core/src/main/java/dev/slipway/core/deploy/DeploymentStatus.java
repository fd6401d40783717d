package dev.slipway.core.deploy;

/** How a deployment went. A SUCCEEDED deployment's image is the environment's last good image. */
public enum DeploymentStatus {
    IN_PROGRESS,
    SUCCEEDED,
    FAILED;

    public boolean isTerminal() {
        return this != IN_PROGRESS;
    }
}
