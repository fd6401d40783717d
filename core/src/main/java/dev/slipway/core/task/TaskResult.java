package dev.slipway.core.task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The outcome of one task.
 *
 * @param status how it ended
 * @param exitCode of the container that decided the outcome, when it ran to an exit
 * @param lastLines the last lines of that container's output (masked), oldest first
 * @param digest the digest of an image the task pushed ({@link TaskOutputs#DIGEST_MARKER}), taken only
 *     from containers with the {@link ContainerSpec.Capability#DOCKER_ENGINE} capability
 * @param timings when the task started and ended
 * @param reason empty when it succeeded; otherwise what went wrong, where, and what to do
 */
public record TaskResult(
        TaskStatus status,
        OptionalInt exitCode,
        List<String> lastLines,
        Optional<String> digest,
        Timings timings,
        String reason) {

    public TaskResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(exitCode, "exitCode");
        lastLines = List.copyOf(lastLines);
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(timings, "timings");
        Objects.requireNonNull(reason, "reason");
    }

    public boolean succeeded() {
        return status == TaskStatus.SUCCEEDED;
    }

    public record Timings(Instant started, Instant finished) {
        public Timings {
            Objects.requireNonNull(started, "started");
            Objects.requireNonNull(finished, "finished");
        }

        public Duration duration() {
            return Duration.between(started, finished);
        }
    }
}
