package dev.slipway.functions.pipeline;

import dev.slipway.core.deploy.ServiceEnvironment;

/** Another build is deploying to the same environment of the same service; the state machine retries later. */
public final class DeployLockedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeployLockedException(ServiceEnvironment where) {
        super("another build is deploying " + where + "; this deploy waits for it and tries again");
    }
}
