package dev.slipway.core.build;

/** The build queue did not accept a request; nothing was queued. */
public final class BuildQueueUnavailableException extends RuntimeException {

    public BuildQueueUnavailableException(BuildId id, String queue, Throwable cause) {
        super("build " + id + " could not be queued on " + queue + ": " + cause.getMessage()
                + "; the sender may retry (the build id keeps it from starting twice)", cause);
    }
}
