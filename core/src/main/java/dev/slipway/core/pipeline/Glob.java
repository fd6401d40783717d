package dev.slipway.core.pipeline;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * A glob on branch and tag names: {@code *} matches within one {@code /}-separated segment,
 * {@code **} across segments ({@code release/**} matches {@code release/1/rc}; {@code **}{@code /x}
 * also matches {@code x}), {@code ?} one character other than {@code /}, {@code [abc]} and
 * {@code [a-z]} one character of a class ({@code [!a]} negates), and {@code \} escapes the next
 * character. The whole name must match.
 */
public final class Glob {

    private final String pattern;
    private final Pattern regex;

    private Glob(String pattern, Pattern regex) {
        this.pattern = pattern;
        this.regex = regex;
    }

    /** @throws GlobSyntaxException with the 0-based offset of the problem in {@code pattern} */
    public static Glob parse(String pattern) {
        return new Glob(pattern, Pattern.compile(GlobCompiler.toRegex(pattern)));
    }

    /** True when {@code globs} is empty (no filter) or one of them matches. */
    public static boolean anyMatches(Collection<Glob> globs, String name) {
        return globs.isEmpty() || globs.stream().anyMatch(g -> g.matches(name));
    }

    public boolean matches(String name) {
        return regex.matcher(name).matches();
    }

    public String pattern() {
        return pattern;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Glob glob && glob.pattern.equals(pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
