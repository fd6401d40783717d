package dev.slipway.core.build;

/** A status change the build life cycle does not allow, such as leaving a terminal state. */
public final class BuildStatusTransitionException extends IllegalStateException {

    public BuildStatusTransitionException(BuildId id, BuildStatus from, BuildStatus to) {
        super("build " + id + " is " + from + " and cannot become " + to
                + (from.isTerminal() ? ": it has already ended; start a new build instead" : ""));
    }
}
