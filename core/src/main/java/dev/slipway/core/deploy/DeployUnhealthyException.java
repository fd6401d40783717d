package dev.slipway.core.deploy;

/** A rolled-out image did not become healthy in time; the message says what the check saw. */
public final class DeployUnhealthyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeployUnhealthyException(ServiceEnvironment where, String image, String what) {
        super(image + " did not become healthy on " + where + ": " + what
                + "; the last good image is restored when the environment has rollback: auto");
    }
}
