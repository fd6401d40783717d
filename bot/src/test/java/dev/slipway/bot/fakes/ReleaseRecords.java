package dev.slipway.bot.fakes;

import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildStatus;
import dev.slipway.core.build.BuildStore;
import dev.slipway.core.deploy.Deployment;
import dev.slipway.core.deploy.DeploymentKind;
import dev.slipway.core.deploy.DeploymentStatus;
import dev.slipway.core.deploy.DeploymentStore;
import dev.slipway.core.deploy.ServiceEnvironment;
import dev.slipway.testkit.build.TestBuilds;

/** The records a release command reads: successful builds of {@code acme/api} and their deployments of service {@code api}. */
public final class ReleaseRecords {

    private ReleaseRecords() {
    }

    /** A SUCCEEDED push build of acme/api main that pushed {@code image} for {@code api}, {@code minute}s after T0. */
    public static BuildRecord built(BuildStore builds, String delivery, String image, int minute) {
        BuildRecord build = TestBuilds.queued("acme/api", "main", delivery, TestBuilds.T0.plusSeconds(60L * minute));
        builds.create(build);
        return builds.modify(build.id(), b -> b.withStatus(BuildStatus.RUNNING, null, b.createdAt())
                .withImage("api", image, b.createdAt()).withStatus(BuildStatus.SUCCEEDED, null, b.createdAt()));
    }

    /** The deploy of {@code build}'s image to {@code where}, started {@code minute}s after T0. */
    public static void deployed(DeploymentStore deployments, BuildRecord build, ServiceEnvironment where,
            DeploymentStatus status, int minute) {
        deployments.record(new Deployment(Deployment.idFor(build.id(), where, DeploymentKind.DEPLOY), where, build.id(),
                build.images().get("api"), DeploymentKind.DEPLOY, status, "octocat",
                TestBuilds.T0.plusSeconds(60L * minute), TestBuilds.T0.plusSeconds(60L * minute + 30), null));
    }
}
