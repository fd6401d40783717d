package dev.slipway.bench.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.bench.BenchOptions;
import dev.slipway.bench.WorkDirs;
import dev.slipway.bench.report.Aim;
import dev.slipway.bench.report.Figure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whole-system figures against a real {@code slipway up} (its own JVM, real Docker, embedded AWS
 * services): webhook ingress, push to first step and the pipeline's overhead over plain
 * {@code docker run}, rebuild of an unchanged example, and queued builds under a concurrency limit.
 * Every container the figures start is removed at the end, by label.
 */
public final class SystemFigures {

    static final Aim NO_AIM = Aim.reference("no aim in issue 9; compare across commits");

    private SystemFigures() {
    }

    public static List<Figure> run(BenchOptions options) throws Exception {
        Path work = Files.createTempDirectory("slipway-bench-system");
        List<Figure> figures = new ArrayList<>();
        try {
            if (options.wants("system.ingress")) {
                figures.addAll(Ingress.measure(options, work.resolve("ingress")));
            }
            if (options.wants("system.first-step") || options.wants("system.first-step-beyond-container")
                    || options.wants("system.overhead")) {
                figures.addAll(StagesAgainstPlainRuns.measure(options, work.resolve("stages")));
            }
            if (options.wants("system.rebuild")) {
                figures.add(Rebuild.measure(options, work.resolve("rebuild")));
            }
            for (int limit : List.of(2, 4)) {
                if (options.wants("system.queue.limit-" + limit)) {
                    figures.addAll(QueuedBuilds.measure(options, work.resolve("queue-" + limit), limit));
                }
            }
            return figures;
        } finally {
            PlainDocker.removeLeftovers();
            WorkDirs.delete(work);
        }
    }

    /** A {@code slipway up} serving a fresh repository with this pipeline; closes it after {@code body}. */
    static <T> T withUp(Path dir, String pipeline, String branch, Map<String, String> env, UpWork<T> body) throws Exception {
        Path repository = dir.resolve("repo");
        String commit = BenchRepository.withPipeline(repository, pipeline, branch);
        return withUp(dir, repository, commit, env, body);
    }

    static <T> T withUp(Path dir, Path repository, String commit, Map<String, String> env, UpWork<T> body)
            throws Exception {
        Path checkout = Path.of(System.getProperty("slipway.home", ".")).toAbsolutePath().normalize();
        List<String> builds = new ArrayList<>();
        try (UpServer up = UpServer.start(dir, repository, checkout, env)) {
            return body.run(up, new Front(up.base()), commit, builds);
        } finally {
            // A build that ended removed its containers; one cut short by a failure here may not have.
            for (String build : builds) {
                PlainDocker.removeBuildContainers(build);
            }
        }
    }

    /** What a figure does with a running {@code slipway up}; it adds each build it starts to {@code builds}. */
    @FunctionalInterface
    interface UpWork<T> {
        T run(UpServer up, Front front, String commit, List<String> builds) throws Exception;
    }

    static Duration minutes(int n) {
        return Duration.ofMinutes(n);
    }

    /** The build's record, checked to have succeeded: a figure of failed builds would measure the wrong thing. */
    static JsonNode succeeded(JsonNode build) {
        if (!"SUCCEEDED".equals(build.path("status").asText())) {
            throw new IllegalStateException("build " + build.path("id").asText() + " ended " + build.path("status").asText()
                    + ": " + build.path("reason").asText() + " " + build.path("problems"));
        }
        return build;
    }
}
