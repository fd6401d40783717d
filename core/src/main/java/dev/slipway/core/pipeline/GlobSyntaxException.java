package dev.slipway.core.pipeline;

/** A glob that cannot be compiled; the message says what is wrong and where. */
public final class GlobSyntaxException extends IllegalArgumentException {

    private final int offset;

    public GlobSyntaxException(String pattern, int offset, String problem) {
        super("invalid glob \"" + pattern + "\": " + problem + " at character " + (offset + 1));
        this.offset = offset;
    }

    /** 0-based offset of the problem in the pattern. */
    public int offset() {
        return offset;
    }
}
