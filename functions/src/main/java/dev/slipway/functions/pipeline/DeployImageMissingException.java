package dev.slipway.functions.pipeline;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.deploy.ServiceEnvironment;

/** A deploy was planned but the build recorded no pushed image for the service. */
public final class DeployImageMissingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeployImageMissingException(BuildId build, ServiceEnvironment where) {
        super("build " + build + " recorded no pushed image for " + where.service() + ", so there is nothing to deploy to "
                + where + "; check that its build stage printed the image digest (slipway:digest=...)");
    }
}
