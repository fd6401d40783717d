package dev.slipway.bench.report;

import java.util.List;
import java.util.Locale;

/** The figures as the Markdown page {@code bench/results/latest.md}: the machine first, then one row per figure. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(Machine machine, List<Figure> figures, String command) {
        StringBuilder md = new StringBuilder();
        md.append("# Slipway benchmarks\n\n");
        md.append("Taken by `").append(command).append("`; see [bench/README.md](../README.md) for what each figure measures.\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| date | ").append(machine.date()).append(" |\n");
        md.append("| commit | ").append(machine.commit()).append(" |\n");
        md.append("| machine | ").append(machine.cores()).append(" cores, ")
                .append(String.format(Locale.ROOT, "%.1f GiB", machine.memoryBytes() / (1024.0 * 1024 * 1024)))
                .append(", ").append(machine.cpuModel()).append(" |\n");
        md.append("| load average at start | ").append(machine.loadAverage()).append(" |\n");
        md.append("| JVM | ").append(machine.javaVersion()).append(" |\n\n");
        md.append("| figure | median | spread (p10–p90) | n | aim / reference | met |\n");
        md.append("|---|---:|---:|---:|---|:-:|\n");
        for (Figure f : figures) {
            md.append("| ").append(f.title()).append(" `").append(f.id()).append("` | ");
            if (f.measured()) {
                md.append(number(f.median())).append(' ').append(f.unit()).append(" | ")
                        .append(number(f.percentile(10))).append(" – ").append(number(f.percentile(90))).append(" | ")
                        .append(f.samples().size()).append(" | ");
            } else {
                md.append("not measured | | 0 | ");
            }
            md.append(f.aim().text()).append(" | ").append(met(f)).append(" |\n");
        }
        md.append("\n## Notes\n\n");
        for (Figure f : figures) {
            if (!f.note().isBlank()) {
                md.append("- `").append(f.id()).append("`: ").append(f.note()).append('\n');
            }
        }
        return md.toString();
    }

    private static String met(Figure f) {
        if (!f.measured()) {
            return "–";
        }
        return f.aim().metBy(f.median()).map(met -> met ? "yes" : "**no**").orElse("");
    }

    /** Three significant figures at most: a benchmark on a shared machine has no more. */
    static String number(double value) {
        double abs = Math.abs(value);
        if (abs >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
