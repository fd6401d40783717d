package dev.slipway.bench.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.bench.BenchOptions;
import dev.slipway.bench.report.Aim;
import dev.slipway.bench.report.Figure;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Push to first step, and the pipeline's overhead. One sample is: a signed push; the time until the
 * first stage's first output line is in its log (what a person watching the build sees); the time
 * until the build's record says it ended; then, in the same sample, the same commands as plain
 * {@code docker run --rm} of the same image, one after another. A service has three command stages
 * (integration, pre_build, post_build), run in order, so the pipeline here is those three, each one
 * trivial command; a {@code release} runs its services in parallel and would not compare with runs
 * one after another.
 */
final class StagesAgainstPlainRuns {

    static final int STAGES = 3;
    private static final String PIPELINE = """
            version: 1
            service: api
            on:
              push:
                branches: [main]
            integration:
              image: slipway/busybox:1
              commands: [echo first line]
            pre_build:
              image: slipway/busybox:1
              commands: ["true"]
            post_build:
              image: slipway/busybox:1
              commands: ["true"]
            """;

    private StagesAgainstPlainRuns() {
    }

    static List<Figure> measure(BenchOptions options, Path dir) throws Exception {
        int samples = options.quick() ? 3 : 10;
        return SystemFigures.withUp(dir, PIPELINE, "main", Map.of(), (up, front, commit, builds) -> {
            List<Double> firstStep = new ArrayList<>();
            List<Double> beyondContainer = new ArrayList<>();
            List<Double> ratio = new ArrayList<>();
            List<Double> pipelineMillis = new ArrayList<>();
            List<Double> plainMillis = new ArrayList<>();
            for (int i = 0; i < samples + 1; i++) {
                long start = System.nanoTime();
                Front.Answer answer = front.push(commit, "main");
                if (answer.status() != 202) {
                    throw new IllegalStateException("the push was answered " + answer.status());
                }
                builds.add(answer.buildId());
                double first = awaitFirstLine(up.logs(), answer.buildId(), start, Duration.ofMinutes(5));
                SystemFigures.succeeded(front.awaitEnd(answer.buildId(), SystemFigures.minutes(10)));
                double pipeline = (System.nanoTime() - start) / 1e6;
                double containerStart = PlainDocker.firstLine();
                double plain = containerStart;
                for (int s = 1; s < STAGES; s++) {
                    plain += PlainDocker.runTrue();
                }
                if (i == 0) {
                    continue; // the first build also warms the clone, the engine and the images: not a sample
                }
                firstStep.add(first);
                beyondContainer.add(first - containerStart);
                ratio.add(pipeline / plain);
                pipelineMillis.add(pipeline);
                plainMillis.add(plain);
            }
            Figure pipelines = new Figure("p", "", "ms", pipelineMillis, SystemFigures.NO_AIM, "");
            Figure plains = new Figure("p", "", "ms", plainMillis, SystemFigures.NO_AIM, "");
            return List.of(
                    new Figure("system.first-step", "push to first step (first output line)", "ms", firstStep,
                            SystemFigures.NO_AIM, "from sending the signed push to the first stage's first line in its"
                            + " log file, one build at a time, after one warm-up build"),
                    new Figure("system.first-step-beyond-container", "push to first step, beyond the container's own start",
                            "ms", beyondContainer, Aim.atMost(1000, "< 1 s beyond the first container's start"),
                            "push to first step less the time `docker run --rm slipway/busybox:1 echo` takes to print,"
                            + " measured in the same sample"),
                    new Figure("system.overhead", STAGES + " trivial stages vs " + STAGES + " plain `docker run --rm`",
                            "×", ratio, Aim.atMost(1.3, "≤ 1.3× the plain runs"), String.format(java.util.Locale.ROOT,
                                    "push to build ended, median %.0f ms, against plain runs one after another, median"
                                    + " %.0f ms; the brief asks five stages, a service has three command stages",
                                    pipelines.median(), plains.median())));
        });
    }

    /** Milliseconds from {@code start} until a log of the build's integration stage holds a line. */
    private static double awaitFirstLine(Path logs, String buildId, long start, Duration within)
            throws IOException, InterruptedException {
        long deadline = start + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (firstLine(logs.resolve(buildId)).isPresent()) {
                return (System.nanoTime() - start) / 1e6;
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("no output of build " + buildId + "'s first stage under " + logs + " within " + within);
    }

    private static Optional<String> firstLine(Path buildLogs) throws IOException {
        if (!Files.isDirectory(buildLogs)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(buildLogs)) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log") && f.toString().contains("integration")).toList()) {
                // The task log holds the checkout's lines and each command as "[step] $ echo first line"
                // before the command's own output, "[step] first line".
                try (BufferedReader in = Files.newBufferedReader(log)) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        if (line.endsWith("first line") && !line.contains("$ echo")) {
                            return Optional.of(line);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}
