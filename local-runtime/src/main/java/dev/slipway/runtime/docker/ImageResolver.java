package dev.slipway.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.NameParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes an image available on the daemon: the local copy when there is one; otherwise a pull from
 * each configured mirror (for images without a registry host), then from the image's own registry.
 * A mirror copy is tagged with the name the user wrote, so the next run finds it locally.
 */
final class ImageResolver {

    private static final String DOCKER_HUB = "docker.io";
    private static final long PULL_MINUTES = 10;

    private final DockerClient docker;
    private final DockerTaskRunnerConfig config;

    ImageResolver(DockerClient docker, DockerTaskRunnerConfig config) {
        this.docker = docker;
        this.config = config;
    }

    /** Returns when the image is local; throws {@link ImageUnavailableException} naming every place tried. */
    void ensure(String image) {
        if (isLocal(image)) {
            return;
        }
        NameParser.ReposTag repoTag = NameParser.parseRepositoryTag(image);
        String tag = repoTag.tag.isEmpty() ? "latest" : repoTag.tag;
        NameParser.HostnameReposName name = NameParser.resolveRepositoryName(repoTag.repos);
        boolean hub = isDockerHub(name.hostname);
        List<String> failures = new ArrayList<>();
        if (hub) {
            for (String mirror : config.mirrors()) {
                String mirrored = mirror + "/" + name.reposName;
                if (tryPull(mirrored, tag, mirror, failures)) {
                    docker.tagImageCmd(mirrored + ":" + tag, repoTag.repos, tag).exec();
                    return;
                }
            }
        }
        if (tryPull(repoTag.repos, tag, hub ? DOCKER_HUB : name.hostname, failures)) {
            return;
        }
        throw new ImageUnavailableException("image " + image + " is not on the local Docker daemon and could not be pulled: "
                + String.join("; ", failures) + ". Build or load it locally, push it to "
                + (hub && !config.mirrors().isEmpty() ? "a configured mirror " + config.mirrors() : "its registry")
                + ", or correct the image name.");
    }

    private boolean isLocal(String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private boolean tryPull(String repository, String tag, String host, List<String> failures) {
        PullImageCmd pull = docker.pullImageCmd(repository).withTag(tag);
        config.credentialsFor(host).ifPresent(c -> pull.withAuthConfig(c.toAuthConfig()));
        try {
            if (!pull.exec(new PullImageResultCallback()).awaitCompletion(PULL_MINUTES, TimeUnit.MINUTES)) {
                failures.add(repository + ":" + tag + ": pull did not finish within " + PULL_MINUTES + " minutes");
                return false;
            }
            return isLocal(repository + ":" + tag);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(repository + ":" + tag + ": interrupted");
            return false;
        } catch (RuntimeException e) {
            failures.add(repository + ":" + tag + " from " + host + ": " + DockerErrors.describe(e));
            return false;
        }
    }

    private static boolean isDockerHub(String host) {
        // docker-java names Docker Hub "https://index.docker.io/v1/" (AuthConfig.DEFAULT_SERVER_ADDRESS).
        return host.isEmpty() || host.equals(DOCKER_HUB) || host.contains("index.docker.io") || host.contains("registry-1.docker.io");
    }
}
