package dev.slipway.bench.system;

import dev.slipway.bench.BenchOptions;
import dev.slipway.bench.report.Figure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rebuild with cache: the hello-java example, committed unchanged, built twice on a fresh
 * {@code slipway up}; the second build's time over the first's. Pushed to {@code feature/bench},
 * where the example's own flow runs integration and pre_build only (no image push, no deploy).
 * Docker's layer cache outlives a sample, so only the first sample's first build is cold for it.
 */
final class Rebuild {

    static final String BRANCH = "feature/bench";

    private Rebuild() {
    }

    static Figure measure(BenchOptions options, Path dir) throws Exception {
        int samples = options.quick() ? 1 : 3;
        Path example = options.checkout().resolve("examples/hello-java");
        List<Double> ratios = new ArrayList<>();
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            Path sampleDir = dir.resolve("sample-" + i);
            Path repository = sampleDir.resolve("repo");
            String commit = BenchRepository.copyOf(example, repository, BRANCH);
            double[] times = SystemFigures.withUp(sampleDir, repository, commit, Map.of(), (up, front, c, builds) -> {
                double[] millis = new double[2];
                for (int b = 0; b < 2; b++) {
                    long start = System.nanoTime();
                    Front.Answer answer = front.push(c, BRANCH);
                    builds.add(answer.buildId());
                    SystemFigures.succeeded(front.awaitEnd(answer.buildId(), SystemFigures.minutes(20)));
                    millis[b] = (System.nanoTime() - start) / 1e6;
                }
                return millis;
            });
            ratios.add(times[1] / times[0]);
            pairs.add(String.format(java.util.Locale.ROOT, "%.1f s then %.1f s", times[0] / 1000, times[1] / 1000));
        }
        return new Figure("system.rebuild", "rebuild of an unchanged example vs its first build", "×", ratios,
                SystemFigures.NO_AIM, "examples/hello-java on " + BRANCH + " (integration + pre_build), push to build"
                        + " ended, each sample on a fresh slipway up: " + String.join("; ", pairs));
    }
}
