package dev.slipway.bench.report;

import java.util.List;
import java.util.Objects;

/**
 * One measured figure: every sample taken (one per run, iteration or request) and what it is aimed
 * at. The report states the median and the p10–p90 spread, never one lucky sample.
 *
 * @param id      the name {@code --only} selects it by, e.g. {@code engine.pass-chain}
 * @param title   what it measures, in a few words
 * @param unit    the samples' unit, e.g. {@code ms}, {@code transitions/s}, {@code ×}
 * @param samples the values measured; empty when the figure could not be taken
 * @param aim     what it is compared with
 * @param note    how it was taken or why it is missing (flags used, counts checked)
 */
public record Figure(String id, String title, String unit, List<Double> samples, Aim aim, String note) {

    public Figure {
        Objects.requireNonNull(id, "id");
        samples = List.copyOf(samples);
        note = note == null ? "" : note;
    }

    /** A figure that could not be taken, with the reason in the note. */
    public static Figure missing(String id, String title, String unit, Aim aim, String why) {
        return new Figure(id, title, unit, List.of(), aim, why);
    }

    public boolean measured() {
        return !samples.isEmpty();
    }

    public double median() {
        return percentile(50);
    }

    /**
     * The p-th percentile by linear interpolation between the closest ranks (NumPy's default), so a
     * handful of samples still gives a spread rather than repeating the extremes.
     */
    public double percentile(double p) {
        if (samples.isEmpty()) {
            throw new IllegalStateException(id + " has no samples");
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double rank = p / 100.0 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
    }
}
