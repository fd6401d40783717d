package dev.slipway.statemachine;

import dev.slipway.core.deploy.DeployTarget;
import dev.slipway.core.deploy.DeployUnhealthyException;
import dev.slipway.core.deploy.ServiceEnvironment;
import dev.slipway.core.pipeline.HealthCheck;
import dev.slipway.core.pipeline.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A deploy target where Docker is not the point: it remembers what runs where, and images the
 * test marks unhealthy fail their health check as a real target's would.
 */
final class FakeDeployTarget implements DeployTarget {

    final Map<ServiceEnvironment, String> running = new ConcurrentHashMap<>();
    final List<String> rollouts = new CopyOnWriteArrayList<>();
    private final Set<String> unhealthy = ConcurrentHashMap.newKeySet();

    FakeDeployTarget unhealthy(String image) {
        unhealthy.add(image);
        return this;
    }

    @Override
    public boolean handles(Target target) {
        return true;
    }

    @Override
    public String rollOut(ServiceEnvironment where, Target target, String image) {
        running.put(where, image);
        rollouts.add(where + "=" + image);
        return image;
    }

    @Override
    public void awaitHealthy(ServiceEnvironment where, Target target, Optional<HealthCheck> check) {
        String image = running.get(where);
        if (unhealthy.contains(image)) {
            throw new DeployUnhealthyException(where, image, "GET /health answered 503");
        }
    }
}
