package dev.slipway.core.deploy;

import dev.slipway.core.build.BuildId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Deployments per service and environment: their history, what is current, the last good image
 * (what an automatic or manual rollback restores), and the lock that keeps two deploys to one
 * environment of one service from running at the same time.
 *
 * <p>Contract, checked by {@code DeploymentStoreContract}:
 * <ul>
 *   <li>{@link #record} inserts or replaces the deployment with the same id (a deployment is
 *       recorded when it starts and again when it ends) and is safe to call twice.</li>
 *   <li>{@link #current} is the deployment started most recently, whatever its status: what the
 *       environment runs or is moving to. {@link #lastGood} is the SUCCEEDED deployment started most
 *       recently. Both read their own writes.</li>
 *   <li>{@link #history} is newest first (by {@code startedAt}), at most {@code limit}.</li>
 *   <li>{@link #tryLock}: of concurrent callers for one target, one wins; the holder may lock
 *       again (extending the lease); a lock whose lease has ended can be taken by anyone.
 *       {@link #unlock} by a non-holder changes nothing. Thread-safe.</li>
 * </ul>
 */
public interface DeploymentStore {

    void record(Deployment deployment);

    Optional<Deployment> current(ServiceEnvironment target);

    Optional<Deployment> lastGood(ServiceEnvironment target);

    List<Deployment> history(ServiceEnvironment target, int limit);

    /** The current deployment of each environment of a service, ordered by environment name. */
    List<Deployment> currentOf(String service);

    /** The current deployment of every service and environment, ordered by service, then environment ({@code /status}). */
    List<Deployment> currentAll();

    /** Takes (or extends) the deploy lock of {@code target} for {@code holder} until {@code now + lease}. */
    boolean tryLock(ServiceEnvironment target, BuildId holder, Instant now, Duration lease);

    /** Releases the lock if {@code holder} holds it. */
    void unlock(ServiceEnvironment target, BuildId holder);
}
