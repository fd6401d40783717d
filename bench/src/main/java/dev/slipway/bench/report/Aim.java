package dev.slipway.bench.report;

import java.util.Optional;

/**
 * What a figure is compared with: a bound it should stay within (issue 9's aims), or only a
 * reference to read it against.
 *
 * @param text  how the table states it, e.g. {@code ≤ 1.3× plain docker run}
 * @param bound the value the median must not cross; empty for a reference only
 * @param atMost true when the median must be at most the bound, false when at least
 */
public record Aim(String text, Optional<Double> bound, boolean atMost) {

    public static Aim atMost(double bound, String text) {
        return new Aim(text, Optional.of(bound), true);
    }

    public static Aim atLeast(double bound, String text) {
        return new Aim(text, Optional.of(bound), false);
    }

    public static Aim reference(String text) {
        return new Aim(text, Optional.empty(), true);
    }

    /** Whether a median meets the aim; empty when there is nothing to meet. */
    public Optional<Boolean> metBy(double median) {
        return bound.map(b -> atMost ? median <= b : median >= b);
    }
}
