package dev.slipway.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import dev.slipway.core.task.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Removes containers, networks and volumes by their Slipway labels (DESIGN.md §6): after every
 * stage for that stage, and at start-up for everything a crashed run left behind. Deployed services
 * ({@link #DEPLOY_LABEL}) are never touched.
 *
 * <p>Safe to call any number of times and concurrently: what is already gone is skipped.
 * Containers go first, because a network or volume in use cannot be removed.
 */
public final class Reaper {

    private static final System.Logger LOG = System.getLogger(Reaper.class.getName());

    /**
     * Label on deployed services' containers. They run an image the build made, and a container
     * carries its image's labels, so they have the build label too; the reaper must leave them be.
     */
    public static final String DEPLOY_LABEL = "dev.slipway.deploy";

    private final DockerClient docker;

    public Reaper(DockerClient docker) {
        this.docker = docker;
    }

    /** What one sweep removed (or, with {@link #leftovers}, what is there). */
    public record Sweep(List<String> containers, List<String> networks, List<String> volumes) {
        public boolean isEmpty() {
            return containers.isEmpty() && networks.isEmpty() && volumes.isEmpty();
        }

        @Override
        public String toString() {
            return "containers " + containers + ", networks " + networks + ", volumes " + volumes;
        }
    }

    /** Removes everything of every build: for start-up, when no build of this runtime is running. */
    public Sweep reapAll() {
        return reap(Map.of(TaskSpec.BUILD_LABEL, ""));
    }

    /** Removes everything of one build. */
    public Sweep reapBuild(String buildId) {
        return reap(Map.of(TaskSpec.BUILD_LABEL, buildId));
    }

    /** Removes everything of one stage of one build. */
    public Sweep reapStage(String buildId, String stage) {
        return reap(Map.of(TaskSpec.BUILD_LABEL, buildId, TaskSpec.STAGE_LABEL, stage));
    }

    /**
     * The builds anything on the daemon is labelled with: containers, networks and volumes alike,
     * since a run killed between creating a stage's network or volume and its first container
     * leaves only those.
     */
    public Set<String> buildIds() {
        Map<String, String> any = Map.of(TaskSpec.BUILD_LABEL, "");
        Set<String> ids = new TreeSet<>();
        containers(any).forEach(c -> addBuildId(ids, c.getLabels()));
        networks(any).forEach(n -> addBuildId(ids, n.getLabels()));
        var volumes = docker.listVolumesCmd().withFilter("label", labelFilters(any)).exec().getVolumes();
        if (volumes != null) {
            volumes.forEach(v -> addBuildId(ids, v.getLabels()));
        }
        return ids;
    }

    private static void addBuildId(Set<String> ids, Map<String, String> labels) {
        if (labels != null && labels.get(TaskSpec.BUILD_LABEL) != null) {
            ids.add(labels.get(TaskSpec.BUILD_LABEL));
        }
    }

    /** What carries the labels now, without removing it. An empty value matches any value. */
    public Sweep leftovers(Map<String, String> labels) {
        return new Sweep(
                containers(labels).stream().map(c -> c.getNames().length > 0 ? c.getNames()[0].substring(1) : c.getId()).toList(),
                networks(labels).stream().map(Network::getName).toList(),
                volumes(labels));
    }

    private Sweep reap(Map<String, String> labels) {
        List<String> removedContainers = new ArrayList<>();
        for (Container c : containers(labels)) {
            ignoreMissing(() -> docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec());
            removedContainers.add(c.getNames().length > 0 ? c.getNames()[0].substring(1) : c.getId());
        }
        List<String> removedNetworks = new ArrayList<>();
        for (Network n : networks(labels)) {
            ignoreMissing(() -> docker.removeNetworkCmd(n.getId()).exec());
            removedNetworks.add(n.getName());
        }
        List<String> removedVolumes = new ArrayList<>();
        for (String v : volumes(labels)) {
            ignoreMissing(() -> docker.removeVolumeCmd(v).exec());
            removedVolumes.add(v);
        }
        Sweep sweep = new Sweep(removedContainers, removedNetworks, removedVolumes);
        if (!sweep.isEmpty()) {
            LOG.log(System.Logger.Level.DEBUG, "removed " + sweep);
        }
        return sweep;
    }

    /**
     * Stage containers with the labels. A deployed service is never one: its image was labelled with
     * the build that made it, and containers inherit their image's labels.
     */
    private List<Container> containers(Map<String, String> labels) {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(labelFilters(labels)).exec().stream()
                .filter(c -> c.getLabels() == null || !c.getLabels().containsKey(DEPLOY_LABEL)).toList();
    }

    private List<Network> networks(Map<String, String> labels) {
        return docker.listNetworksCmd().withFilter("label", labelFilters(labels)).exec();
    }

    private List<String> volumes(Map<String, String> labels) {
        var response = docker.listVolumesCmd().withFilter("label", labelFilters(labels)).exec();
        if (response.getVolumes() == null) {
            return List.of();
        }
        return response.getVolumes().stream().map(v -> v.getName()).toList();
    }

    private static List<String> labelFilters(Map<String, String> labels) {
        return labels.entrySet().stream().map(e -> e.getValue().isEmpty() ? e.getKey() : e.getKey() + "=" + e.getValue()).toList();
    }

    private static void ignoreMissing(Runnable removal) {
        try {
            removal.run();
        } catch (NotFoundException e) {
            // Removed meanwhile by the stage's own cleanup or another sweep: the goal is met.
        } catch (ConflictException e) {
            // "removal of container ... is already in progress": another sweep (the stage's own, or the
            // engine stopping the task) is removing it; that is done as far as this sweep goes.
            if (!String.valueOf(e.getMessage()).contains("already in progress")) {
                throw e;
            }
        }
    }
}
