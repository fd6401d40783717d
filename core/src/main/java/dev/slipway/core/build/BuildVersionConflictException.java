package dev.slipway.core.build;

/** Someone else changed the build between our read and our write; re-read and retry. */
public final class BuildVersionConflictException extends RuntimeException {

    public BuildVersionConflictException(BuildId id, long expected) {
        super("build " + id + " changed since version " + expected + " was read: re-read it and apply the change again");
    }
}
