package dev.slipway.testkit.deploy;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.deploy.Deployment;
import dev.slipway.core.deploy.DeploymentStatus;
import dev.slipway.core.deploy.DeploymentStore;
import dev.slipway.core.deploy.ServiceEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link DeploymentStore} in maps; passes {@code DeploymentStoreContract}. */
public final class InMemoryDeploymentStore implements DeploymentStore {

    private static final Comparator<Deployment> NEWEST_FIRST =
            Comparator.comparing(Deployment::startedAt).thenComparing(Deployment::id).reversed();

    private record Lock(BuildId holder, Instant until) {
    }

    private final Map<String, Deployment> deployments = new LinkedHashMap<>();
    private final Map<ServiceEnvironment, Lock> locks = new HashMap<>();

    @Override
    public synchronized void record(Deployment deployment) {
        deployments.put(deployment.id(), deployment);
    }

    @Override
    public synchronized Optional<Deployment> current(ServiceEnvironment target) {
        return history(target, 1).stream().findFirst();
    }

    @Override
    public synchronized Optional<Deployment> lastGood(ServiceEnvironment target) {
        return deployments.values().stream()
                .filter(d -> d.target().equals(target) && d.status() == DeploymentStatus.SUCCEEDED)
                .min(NEWEST_FIRST);
    }

    @Override
    public synchronized List<Deployment> history(ServiceEnvironment target, int limit) {
        return deployments.values().stream().filter(d -> d.target().equals(target))
                .sorted(NEWEST_FIRST).limit(limit).toList();
    }

    @Override
    public synchronized List<Deployment> currentOf(String service) {
        return deployments.values().stream().filter(d -> d.target().service().equals(service))
                .map(Deployment::target).distinct()
                .sorted(Comparator.comparing(ServiceEnvironment::environment))
                .map(t -> current(t).orElseThrow()).toList();
    }

    @Override
    public synchronized List<Deployment> currentAll() {
        return deployments.values().stream().map(Deployment::target).distinct()
                .sorted(Comparator.comparing(ServiceEnvironment::service).thenComparing(ServiceEnvironment::environment))
                .map(t -> current(t).orElseThrow()).toList();
    }

    @Override
    public synchronized boolean tryLock(ServiceEnvironment target, BuildId holder, Instant now, Duration lease) {
        Lock lock = locks.get(target);
        if (lock != null && !lock.holder().equals(holder) && now.isBefore(lock.until())) {
            return false;
        }
        locks.put(target, new Lock(holder, now.plus(lease)));
        return true;
    }

    @Override
    public synchronized void unlock(ServiceEnvironment target, BuildId holder) {
        Lock lock = locks.get(target);
        if (lock != null && lock.holder().equals(holder)) {
            locks.remove(target);
        }
    }
}
