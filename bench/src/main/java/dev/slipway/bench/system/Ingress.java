package dev.slipway.bench.system;

import dev.slipway.bench.BenchOptions;
import dev.slipway.bench.report.Figure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Webhook ingress: signed pushes from 16 concurrent senders on loopback; each answered 202 after
 * being verified, recorded in the delivery ledger and queued. The pipeline's trigger matches no
 * branch pushed, so dispatch records every build (cancelled: not triggered) without running
 * containers, and the count of builds recorded is checked against the count sent.
 */
final class Ingress {

    private static final int SENDERS = 16;
    private static final String PIPELINE = """
            version: 1
            service: api
            on:
              push:
                branches: [never-pushed]
            integration:
              image: slipway/busybox:1
              commands: ["true"]
            """;

    private Ingress() {
    }

    static List<Figure> measure(BenchOptions options, Path dir) throws Exception {
        int rounds = 3;
        int perRound = options.quick() ? 60 : 500;
        return SystemFigures.withUp(dir, PIPELINE, "main", Map.of(), (up, front, commit, builds) -> {
            List<Double> rates = new ArrayList<>();
            List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
            List<String> sent = Collections.synchronizedList(new ArrayList<>());
            ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
            try {
                send(front, commit, senders, 50, new ArrayList<>(), sent); // warm-up, not counted in the figures
                for (int round = 0; round < rounds; round++) {
                    long start = System.nanoTime();
                    send(front, commit, senders, perRound, latencies, sent);
                    rates.add(perRound / ((System.nanoTime() - start) / 1e9));
                }
            } finally {
                senders.shutdownNow();
            }
            int recorded = 0;
            for (String id : sent) {
                Optional<?> build = awaitRecorded(front, id, Duration.ofMinutes(10));
                recorded += build.isPresent() ? 1 : 0;
            }
            if (recorded != sent.size()) {
                throw new IllegalStateException("sent " + sent.size() + " pushes but " + recorded + " builds were recorded");
            }
            Figure latency = new Figure("system.ingress.latency", "webhook ingress latency", "ms", latencies,
                    SystemFigures.NO_AIM, "");
            String note = SENDERS + " concurrent senders, " + rounds + " rounds of " + perRound + " signed pushes after 50"
                    + " warm-up; every answer 202; builds recorded = pushes sent = " + sent.size();
            return List.of(
                    new Figure("system.ingress.rate", "webhook ingress, answered requests", "req/s", rates,
                            SystemFigures.NO_AIM, note + "; one sample per round"),
                    new Figure("system.ingress.latency", "webhook ingress latency (p50; p99 in note)", "ms", latencies,
                            SystemFigures.NO_AIM, String.format(java.util.Locale.ROOT, "p99 %.1f ms; one sample per request",
                                    latency.percentile(99))));
        });
    }

    private static void send(Front front, String commit, ExecutorService senders, int count, List<Double> latencies,
            List<String> sent) throws Exception {
        List<Future<Front.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(senders.submit(() -> front.push(commit, "main")));
        }
        for (Future<Front.Answer> f : answers) {
            Front.Answer answer = f.get();
            if (answer.status() != 202) {
                throw new IllegalStateException("a signed push was answered " + answer.status() + ", not 202");
            }
            latencies.add(answer.millis());
            sent.add(answer.buildId());
        }
    }

    private static Optional<?> awaitRecorded(Front front, String id, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            var build = front.build(id);
            if (build.isPresent() && Front.terminal(build.get())) {
                return build;
            }
            Thread.sleep(20);
        }
        return Optional.empty();
    }
}
