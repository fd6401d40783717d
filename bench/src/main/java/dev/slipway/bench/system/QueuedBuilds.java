package dev.slipway.bench.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.bench.BenchOptions;
import dev.slipway.bench.report.Figure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Throughput under load: 20 pushes sent at once (each to its own branch, so none supersedes
 * another) to a {@code slipway up} with {@code max_concurrent_builds} set. Total time from the
 * first push to the last build's end; each build's queue wait, from its push's arrival to its
 * stage's start (the build's record is written only when dispatch takes it off the queue); and a check that every build ran exactly once (succeeded, one attempt of its
 * one stage, one task log) and that no more builds than the limit ran at once.
 */
final class QueuedBuilds {

    static final int BUILDS = 20;
    private static final String PIPELINE = """
            version: 1
            service: api
            on:
              push: {}
            integration:
              image: slipway/busybox:1
              commands: ["true"]
            """;

    private QueuedBuilds() {
    }

    static List<Figure> measure(BenchOptions options, Path dir, int limit) throws Exception {
        String id = "system.queue.limit-" + limit;
        Map<String, String> env = Map.of("SLIPWAY_MAX_CONCURRENT_BUILDS", Integer.toString(limit));
        return SystemFigures.withUp(dir, PIPELINE, "main", env, (up, front, commit, builds) -> {
            ExecutorService senders = Executors.newFixedThreadPool(BUILDS);
            long start = System.nanoTime();
            try {
                List<Future<Front.Answer>> answers = new ArrayList<>();
                for (int i = 0; i < BUILDS; i++) {
                    String branch = "bench-" + i;
                    answers.add(senders.submit(() -> front.push(commit, branch)));
                }
                for (Future<Front.Answer> answer : answers) {
                    builds.add(answer.get().buildId());
                }
            } finally {
                senders.shutdownNow();
            }
            List<JsonNode> ended = new ArrayList<>();
            for (String build : builds) {
                ended.add(SystemFigures.succeeded(front.awaitEnd(build, SystemFigures.minutes(15))));
            }
            double totalSeconds = (System.nanoTime() - start) / 1e9;
            List<Double> waits = new ArrayList<>();
            List<Instant[]> runs = new ArrayList<>();
            for (JsonNode build : ended) {
                JsonNode stages = build.path("stages");
                if (stages.size() != 1 || stages.get(0).path("attempt").asInt() != 1
                        || taskLogs(up.logs(), build.path("id").asText()) != 1) {
                    throw new IllegalStateException("build " + build.path("id").asText() + " did not run exactly once: "
                            + stages);
                }
                Instant started = Front.instant(stages.get(0).path("startedAt"));
                waits.add((double) Duration.between(Front.instant(build.path("request").path("receivedAt")), started)
                        .toMillis());
                runs.add(new Instant[] {started, Front.instant(stages.get(0).path("finishedAt"))});
            }
            int mostAtOnce = mostAtOnce(runs);
            String checked = BUILDS + " builds sent, " + ended.size() + " succeeded, each stage run once (one attempt,"
                    + " one task log); at most " + mostAtOnce + " stages ran at once (limit " + limit + ")";
            return List.of(
                    new Figure(id + ".total", BUILDS + " queued builds, limit " + limit + ": total time", "s",
                            List.of(totalSeconds), SystemFigures.NO_AIM, checked),
                    new Figure(id + ".wait", BUILDS + " queued builds, limit " + limit + ": queue wait per build", "ms",
                            waits, SystemFigures.NO_AIM, "from the push's arrival to its stage's start; one sample per build"));
        });
    }

    private static long taskLogs(Path logs, String buildId) throws IOException {
        try (Stream<Path> files = Files.walk(logs.resolve(buildId))) {
            return files.filter(f -> f.toString().endsWith(".log")).count();
        }
    }

    /** The most intervals open at one instant. */
    static int mostAtOnce(List<Instant[]> runs) {
        int most = 0;
        for (Instant[] run : runs) {
            int open = 0;
            for (Instant[] other : runs) {
                if (!other[0].isAfter(run[0]) && other[1].isAfter(run[0])) {
                    open++;
                }
            }
            most = Math.max(most, open);
        }
        return most;
    }
}
