package dev.slipway.core.build;

/** No build with this id is recorded. */
public final class BuildNotFoundException extends RuntimeException {

    private final transient BuildId id;

    public BuildNotFoundException(BuildId id) {
        super("no build " + id + " is recorded: check the id (for example with /status) and try again");
        this.id = id;
    }

    public BuildId id() {
        return id;
    }
}
