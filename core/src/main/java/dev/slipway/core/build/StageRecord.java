package dev.slipway.core.build;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One stage of a build as recorded: what ran, when, and how it ended.
 *
 * @param name        the stage ({@code integration}, {@code pre_build}, {@code build},
 *                    {@code post_build}, {@code deploy:<environment>})
 * @param service     the service of a release the stage belongs to; null for single-service files
 * @param status      where it is
 * @param attempt     1 for the first run, counting retries
 * @param startedAt   null until it starts
 * @param finishedAt  null until it ends
 * @param exitCode    the step container's exit code, null when none ran
 * @param logPointer  where the full log is (an S3 URI, a file path, a CloudWatch stream), may be null
 * @param imageDigest the pushed image ({@code repo@sha256:...}) for build stages, else null
 * @param reason      why it failed, timed out or was skipped, for people; may be null
 */
public record StageRecord(
        String name,
        String service,
        StageStatus status,
        int attempt,
        Instant startedAt,
        Instant finishedAt,
        Integer exitCode,
        String logPointer,
        String imageDigest,
        String reason) {

    public StageRecord {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("stage name must not be blank");
        }
        Objects.requireNonNull(status, "status of stage " + name);
        if (attempt < 1) {
            throw new IllegalArgumentException("stage " + name + ": attempt counts from 1, got " + attempt);
        }
    }

    /** A stage the build plans to run. */
    public static StageRecord pending(String name, String service) {
        return new StageRecord(name, service, StageStatus.PENDING, 1, null, null, null, null, null, null);
    }

    public StageRecord started(Instant at) {
        return new StageRecord(name, service, StageStatus.RUNNING, attempt, at, null, null, logPointer, null, null);
    }

    public StageRecord finished(StageStatus end, Instant at, Integer code, String why) {
        return new StageRecord(name, service, end, attempt, startedAt, at, code, logPointer, imageDigest, why);
    }

    public StageRecord withLog(String pointer) {
        return new StageRecord(name, service, status, attempt, startedAt, finishedAt, exitCode, pointer, imageDigest, reason);
    }

    public StageRecord withImageDigest(String digest) {
        return new StageRecord(name, service, status, attempt, startedAt, finishedAt, exitCode, logPointer, digest, reason);
    }

    /** How long it ran; null until it has both started and finished. */
    public Duration duration() {
        return startedAt == null || finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }
}
