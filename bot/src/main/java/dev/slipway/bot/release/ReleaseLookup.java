package dev.slipway.bot.release;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildStatus;
import dev.slipway.core.build.BuildStore;
import dev.slipway.core.build.InvalidBuildIdException;
import dev.slipway.core.deploy.Deployment;
import dev.slipway.core.deploy.DeploymentStatus;
import dev.slipway.core.deploy.DeploymentStore;
import dev.slipway.core.deploy.ServiceEnvironment;
import java.util.List;
import java.util.Optional;

/**
 * What {@code /deploy} and {@code /rollback} need to know before they queue anything, read from the
 * deployment and build records: where a service runs, what it ran before, which build made an image.
 * Every answer that cannot be given is a {@link ReleaseActionRefusedException} saying what was wrong.
 */
public final class ReleaseLookup {

    /** How far back the history of one environment and the builds of one repository are searched. */
    static final int SEARCH_DEPTH = 50;

    private final BuildStore builds;
    private final DeploymentStore deployments;

    public ReleaseLookup(BuildStore builds, DeploymentStore deployments) {
        this.builds = builds;
        this.deployments = deployments;
    }

    /** What the service runs now, per environment; refused when it never was deployed. */
    List<Deployment> currentOf(String service) throws ReleaseActionRefusedException {
        List<Deployment> current = deployments.currentOf(service);
        if (current.isEmpty()) {
            throw new ReleaseActionRefusedException("Slipway has not deployed `" + service + "` anywhere yet: check the"
                    + " name against `service:` in its .slipway.yml, or deploy a build first with `/deploy " + service
                    + " #<build>`.");
        }
        return current;
    }

    /** The environment named, or the only one the service runs in. */
    Deployment current(String service, Optional<String> environment) throws ReleaseActionRefusedException {
        List<Deployment> current = currentOf(service);
        if (environment.isEmpty()) {
            if (current.size() > 1) {
                throw new ReleaseActionRefusedException("`" + service + "` runs in " + environments(current)
                        + ": say which, e.g. `/rollback " + service + " " + current.get(current.size() - 1).target().environment() + "`.");
            }
            return current.get(0);
        }
        return current.stream().filter(d -> d.target().environment().equals(environment.get())).findFirst()
                .orElseThrow(() -> new ReleaseActionRefusedException("`" + service + "` has never been deployed to `"
                        + environment.get() + "`; it runs in " + environments(current) + "."));
    }

    /** The newest healthy deployment of {@code target} whose image is not {@code now}: what a rollback restores. */
    Optional<Deployment> previousGood(ServiceEnvironment target, String now) {
        return deployments.history(target, SEARCH_DEPTH).stream()
                .filter(d -> d.status() == DeploymentStatus.SUCCEEDED && !d.image().equals(now))
                .findFirst();
    }

    /** The newest healthy deployment of {@code target} that ran {@code image}. */
    Optional<Deployment> ranImage(ServiceEnvironment target, String image) {
        return deployments.history(target, SEARCH_DEPTH).stream()
                .filter(d -> d.status() == DeploymentStatus.SUCCEEDED && d.image().equals(image))
                .findFirst();
    }

    /** A recorded build; refused when the id is malformed or unknown. */
    BuildRecord build(String id) throws ReleaseActionRefusedException {
        BuildId buildId;
        try {
            buildId = BuildId.of(id);
        } catch (InvalidBuildIdException e) {
            throw new ReleaseActionRefusedException("`#" + id + "` is not a build id: " + e.getMessage());
        }
        return builds.find(buildId).orElseThrow(() -> new ReleaseActionRefusedException(
                "There is no build #" + id + "; `/status` lists recent ones."));
    }

    Optional<BuildRecord> build(BuildId id) {
        return id == null ? Optional.empty() : builds.find(id);
    }

    /** The image {@code build} pushed for {@code service}; refused when it pushed none. */
    static String imageOf(BuildRecord build, String service) throws ReleaseActionRefusedException {
        String image = build.images().get(service);
        if (image == null) {
            throw new ReleaseActionRefusedException("Build #" + build.id() + " of " + build.repo() + " pushed no image of `"
                    + service + "`" + (build.images().isEmpty() ? "" : " (it pushed " + build.images().keySet() + ")")
                    + "; pick a build that did with `/status " + service + "`.");
        }
        return image;
    }

    /** The newest SUCCEEDED build of the service's repository that pushed an image of it. */
    Optional<BuildRecord> latestGoodBuild(String repo, String service) {
        return builds.latestForRepo(repo, SEARCH_DEPTH).stream()
                .filter(b -> b.status() == BuildStatus.SUCCEEDED && b.images().containsKey(service))
                .findFirst();
    }

    /** The build behind what the service runs now: it tells the repository and a commit to read the pipeline at. */
    BuildRecord deployedBuild(String service) throws ReleaseActionRefusedException {
        for (Deployment d : currentOf(service)) {
            Optional<BuildRecord> build = build(d.build());
            if (build.isPresent()) {
                return build.get();
            }
        }
        throw new ReleaseActionRefusedException("No build of `" + service + "` is recorded any more, so Slipway cannot"
                + " tell its repository; name one with `/deploy " + service + " #<build>`.");
    }

    private static List<String> environments(List<Deployment> current) {
        return current.stream().map(d -> d.target().environment()).toList();
    }
}
