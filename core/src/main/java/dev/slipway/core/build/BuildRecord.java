package dev.slipway.core.build;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A build as stored: the request that started it, where it is, and what each stage did.
 * Records are values: every change makes a new one, and {@link BuildStore#update} writes it only
 * if nobody else wrote in between ({@code version} is the optimistic lock).
 *
 * @param id           the build id, also the execution name
 * @param request      what started it; {@code request.actor()} is who triggered it
 * @param status       where it is
 * @param stages       the stages it runs, in pipeline order
 * @param problems     why it failed before running (pipeline file errors) and other notes for people
 * @param images       service ({@code ""} for a single-service file) to pushed image with digest
 * @param executionArn the pipeline execution, once started
 * @param reason       why it ended as it did (cancelled by whom, superseded by which build), may be null
 * @param createdAt    when dispatch recorded it
 * @param updatedAt    the last change
 * @param version      0 for a record not stored yet; the store counts writes from 1
 */
public record BuildRecord(
        BuildId id,
        BuildRequest request,
        BuildStatus status,
        List<StageRecord> stages,
        List<BuildProblem> problems,
        Map<String, String> images,
        String executionArn,
        String reason,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public BuildRecord {
        Objects.requireNonNull(id, "build id");
        Objects.requireNonNull(request, "request of build " + id);
        Objects.requireNonNull(status, "status of build " + id);
        Objects.requireNonNull(createdAt, "createdAt of build " + id);
        if (!request.id().equals(id)) {
            throw new IllegalArgumentException("build " + id + " holds the request of build " + request.id());
        }
        stages = List.copyOf(stages == null ? List.of() : stages);
        problems = List.copyOf(problems == null ? List.of() : problems);
        images = Map.copyOf(images == null ? Map.of() : images);
        updatedAt = updatedAt == null ? createdAt : updatedAt;
    }

    /** A new build that dispatch is about to start, with the stages it plans to run. */
    /** A build about to start; one that only deploys an earlier image has that image already. */
    public static BuildRecord queued(BuildRequest request, List<StageRecord> stages, Instant now) {
        ReleaseOrder release = request.release();
        Map<String, String> images = release != null && release.deploysOnly()
                ? Map.of(release.service(), release.image()) : Map.of();
        return new BuildRecord(request.id(), request, BuildStatus.QUEUED, stages, List.of(), images, null, null,
                now, now, 0);
    }

    /** A build that ends before it starts: its pipeline file could not be used. */
    public static BuildRecord rejected(BuildRequest request, List<BuildProblem> problems, Instant now) {
        String reason = problems.size() == 1 ? "the pipeline file has a problem"
                : "the pipeline file has " + problems.size() + " problems";
        return new BuildRecord(request.id(), request, BuildStatus.FAILED, List.of(), problems, Map.of(), null, reason,
                now, now, 0);
    }

    public String repo() {
        return request.repo().fullName();
    }

    /**
     * The same build in another status. Throws {@link BuildStatusTransitionException} for a move
     * the life cycle does not allow (for example out of a terminal state), so a late or duplicated
     * event cannot reopen a finished build.
     */
    public BuildRecord withStatus(BuildStatus next, String why, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new BuildStatusTransitionException(id, status, next);
        }
        return new BuildRecord(id, request, next, stages, problems, images, executionArn, why, createdAt, now, version);
    }

    /** Replaces the stage with the same name and service, or appends it. */
    public BuildRecord withStage(StageRecord stage, Instant now) {
        List<StageRecord> next = new ArrayList<>(stages);
        int at = indexOf(stage.name(), stage.service());
        if (at >= 0) {
            next.set(at, stage);
        } else {
            next.add(stage);
        }
        return new BuildRecord(id, request, status, next, problems, images, executionArn, reason, createdAt, now, version);
    }

    public BuildRecord withImage(String service, String imageWithDigest, Instant now) {
        Map<String, String> next = new TreeMap<>(images);
        next.put(service == null ? "" : service, imageWithDigest);
        return new BuildRecord(id, request, status, stages, problems, next, executionArn, reason, createdAt, now, version);
    }

    public BuildRecord withExecution(String arn, Instant now) {
        return new BuildRecord(id, request, status, stages, problems, images, arn, reason, createdAt, now, version);
    }

    /** Used by stores only: the record as written, with its new version. */
    public BuildRecord withVersion(long stored) {
        return new BuildRecord(id, request, status, stages, problems, images, executionArn, reason, createdAt, updatedAt,
                stored);
    }

    /** Whether any deploy stage has started: a newer push no longer cancels the build then. */
    public boolean hasStartedDeploying() {
        return stages.stream().anyMatch(s -> s.name().startsWith(StageNames.DEPLOY_PREFIX)
                && s.status() != StageStatus.PENDING && s.status() != StageStatus.SKIPPED);
    }

    private int indexOf(String name, String service) {
        for (int i = 0; i < stages.size(); i++) {
            StageRecord s = stages.get(i);
            if (s.name().equals(name) && Objects.equals(s.service(), service)) {
                return i;
            }
        }
        return -1;
    }
}
