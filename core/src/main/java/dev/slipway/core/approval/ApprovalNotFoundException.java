package dev.slipway.core.approval;

/** No approval request with this id. */
public final class ApprovalNotFoundException extends RuntimeException {

    public ApprovalNotFoundException(String id) {
        super("no approval request " + id + " is recorded: it may belong to a build that was removed; "
                + "check the build with /status");
    }
}
