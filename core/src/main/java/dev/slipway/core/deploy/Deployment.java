package dev.slipway.core.deploy;

import dev.slipway.core.build.BuildId;
import java.time.Instant;
import java.util.Objects;

/**
 * One rollout of an image to one environment of one service.
 *
 * @param id         unique; for a build's deploy {@code <build id>-<service>-<environment>} (see {@link #idFor})
 * @param target     the service and environment
 * @param build      the build whose image this is; null for a rollback to an image no build recorded
 * @param image      the image with its digest ({@code registry/repo@sha256:...})
 * @param kind       deploy or rollback
 * @param status     how it went
 * @param actor      who caused it (who triggered the build, who asked for the rollback)
 * @param startedAt  when the rollout began; history is ordered by it
 * @param finishedAt null while in progress
 * @param reason     why it failed or why it was rolled back, may be null
 */
public record Deployment(
        String id,
        ServiceEnvironment target,
        BuildId build,
        String image,
        DeploymentKind kind,
        DeploymentStatus status,
        String actor,
        Instant startedAt,
        Instant finishedAt,
        String reason) {

    public Deployment {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a deployment needs an id");
        }
        Objects.requireNonNull(target, "target of deployment " + id);
        Objects.requireNonNull(kind, "kind of deployment " + id);
        Objects.requireNonNull(status, "status of deployment " + id);
        Objects.requireNonNull(startedAt, "startedAt of deployment " + id);
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("deployment " + id + " to " + target + " has no image");
        }
    }

    public static String idFor(BuildId build, ServiceEnvironment target, DeploymentKind kind) {
        String base = build + "-" + target.service() + "-" + target.environment();
        return kind == DeploymentKind.ROLLBACK ? base + "-rollback" : base;
    }

    public Deployment finished(DeploymentStatus end, Instant at, String why) {
        return new Deployment(id, target, build, image, kind, end, actor, startedAt, at, why);
    }
}
