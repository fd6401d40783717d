package dev.slipway.core.approval;

/** The approval request changed between our read and our write; re-read and decide again. */
public final class ApprovalVersionConflictException extends RuntimeException {

    public ApprovalVersionConflictException(String id, long expected) {
        super("approval " + id + " changed since version " + expected + " was read: re-read it and apply the decision again");
    }
}
