package dev.slipway.core.scm;

/** The SCM refused or failed a commit status update; the message has the provider's answer. */
public final class CommitStatusRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CommitStatusRejectedException(String message) {
        super(message);
    }

    public CommitStatusRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
