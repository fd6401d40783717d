package dev.slipway.runtime.pages;

import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.StageRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a build page shows of a build: no request internals, durations worked out, nothing secret.
 * Sent to the page as JSON in {@code build} events.
 */
public record BuildView(String id, String status, String repo, String ref, String commit, String actor, String reason,
        Instant createdAt, Instant updatedAt, List<Stage> stages) {

    /** One stage row. */
    public record Stage(String name, String service, String status, int attempt, Instant startedAt, Instant finishedAt,
            Long durationMillis, Integer exitCode, String reason) {
    }

    public static BuildView of(BuildRecord build) {
        return new BuildView(build.id().value(), build.status().name(), build.repo(), build.request().ref(),
                build.request().commit(), build.request().actor(), build.reason(), build.createdAt(), build.updatedAt(),
                build.stages().stream().map(BuildView::stage).toList());
    }

    private static Stage stage(StageRecord s) {
        Duration duration = s.duration();
        return new Stage(s.name(), s.service(), s.status().name(), s.attempt(), s.startedAt(), s.finishedAt(),
                duration == null ? null : duration.toMillis(), s.exitCode(), s.reason());
    }
}
