package dev.slipway.core.pipeline;

/** A branch or a tag, by its short name ({@code main}, {@code v1.2.0}), as triggers and flows see it. */
public sealed interface GitRef {

    String name();

    record Branch(String name) implements GitRef {
    }

    record Tag(String name) implements GitRef {
    }

    /** Reads {@code refs/heads/x} and {@code refs/tags/x}; anything else is taken as a branch name. */
    static GitRef parse(String ref) {
        if (ref.startsWith("refs/tags/")) {
            return new Tag(ref.substring("refs/tags/".length()));
        }
        if (ref.startsWith("refs/heads/")) {
            return new Branch(ref.substring("refs/heads/".length()));
        }
        return new Branch(ref);
    }
}
