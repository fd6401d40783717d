package dev.slipway.core.build;

import java.util.Objects;

/**
 * A release a person asked for from chat ({@code /deploy}, {@code /rollback}), carried on its
 * {@link BuildRequest} through the build queue and dispatch to the same state machine as a push.
 *
 * @param kind        a deploy or a rollback
 * @param service     the pipeline file's service
 * @param environment the environment to deploy to; null for the service's first environment
 * @param image       the image (with digest) to deploy, built earlier; null to build the request's ref first
 * @param source      the build that produced {@code image}; null when no build recorded it
 * @param fromImage   what the environment ran when it was asked for (a rollback's "from"); null if nothing
 */
public record ReleaseOrder(Kind kind, String service, String environment, String image, BuildId source,
        String fromImage) {

    public enum Kind {
        DEPLOY,
        ROLLBACK
    }

    public ReleaseOrder {
        Objects.requireNonNull(kind, "kind of release order");
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("a release order needs a service");
        }
        if (kind == Kind.ROLLBACK && (image == null || image.isBlank())) {
            throw new IllegalArgumentException("a rollback of " + service + " needs the image it restores");
        }
    }

    /** Whether the image exists already, so the build only deploys it (no integration, no image build). */
    public boolean deploysOnly() {
        return image != null && !image.isBlank();
    }

    public boolean isRollback() {
        return kind == Kind.ROLLBACK;
    }
}
