package dev.slipway.testkit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.deploy.Deployment;
import dev.slipway.core.deploy.DeploymentKind;
import dev.slipway.core.deploy.DeploymentStatus;
import dev.slipway.core.deploy.DeploymentStore;
import dev.slipway.core.deploy.ServiceEnvironment;
import dev.slipway.testkit.Concurrently;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link DeploymentStore} contract: every implementation's test extends this. */
public abstract class DeploymentStoreContract {

    // Now, not a fixed date: DynamoDB Local deletes items whose TTL has passed, as DynamoDB does.
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Duration LEASE = Duration.ofMinutes(30);

    private DeploymentStore store;
    private String service;
    private ServiceEnvironment staging;
    private ServiceEnvironment production;

    protected abstract DeploymentStore newStore();

    @BeforeEach
    void setUpStore() {
        store = newStore();
        service = "api-" + UUID.randomUUID().toString().substring(0, 8);
        staging = new ServiceEnvironment(service, "staging");
        production = new ServiceEnvironment(service, "production");
    }

    private static Deployment deploy(ServiceEnvironment target, String build, int minute, DeploymentStatus status) {
        BuildId id = BuildId.of(build);
        return new Deployment(Deployment.idFor(id, target, DeploymentKind.DEPLOY), target, id,
                "localhost:5000/acme/api@sha256:" + Integer.toHexString(minute).repeat(64).substring(0, 64),
                DeploymentKind.DEPLOY, status, "octocat", T0.plus(Duration.ofMinutes(minute)),
                status.isTerminal() ? T0.plus(Duration.ofMinutes(minute + 1)) : null, null);
    }

    @Test
    void nothingDeployedMeansNoCurrentNoLastGoodNoHistory() {
        assertThat(store.current(staging)).isEmpty();
        assertThat(store.lastGood(staging)).isEmpty();
        assertThat(store.history(staging, 10)).isEmpty();
        assertThat(store.currentOf(service)).isEmpty();
    }

    @Test
    void aDeploymentRecordedTwiceIsOneDeploymentInItsLatestState() {
        Deployment started = deploy(staging, "b1", 0, DeploymentStatus.IN_PROGRESS);
        store.record(started);
        Deployment done = started.finished(DeploymentStatus.SUCCEEDED, T0.plusSeconds(70), null);
        store.record(done);
        store.record(done);

        assertThat(store.history(staging, 10)).containsExactly(done);
        assertThat(store.current(staging)).contains(done);
        assertThat(store.lastGood(staging)).contains(done);
    }

    @Test
    void aFailedDeployIsCurrentButNotLastGood() {
        Deployment good = deploy(staging, "b1", 0, DeploymentStatus.SUCCEEDED);
        Deployment bad = deploy(staging, "b2", 10, DeploymentStatus.FAILED);
        store.record(good);
        store.record(bad);

        assertThat(store.current(staging)).contains(bad);
        assertThat(store.lastGood(staging)).contains(good);
    }

    @Test
    void historyIsNewestFirstLimitedAndPerEnvironment() {
        for (int i = 0; i < 4; i++) {
            store.record(deploy(staging, "h" + i, i * 10, DeploymentStatus.SUCCEEDED));
        }
        store.record(deploy(production, "h9", 100, DeploymentStatus.SUCCEEDED));

        assertThat(store.history(staging, 2)).extracting(d -> d.build().value()).containsExactly("h3", "h2");
        assertThat(store.history(production, 10)).extracting(d -> d.build().value()).containsExactly("h9");
    }

    @Test
    void aRollbackIsCurrentAndGoodAgain() {
        Deployment good = deploy(production, "b1", 0, DeploymentStatus.SUCCEEDED);
        Deployment bad = deploy(production, "b2", 10, DeploymentStatus.FAILED);
        Deployment rollback = new Deployment(Deployment.idFor(bad.build(), production, DeploymentKind.ROLLBACK),
                production, good.build(), good.image(), DeploymentKind.ROLLBACK, DeploymentStatus.SUCCEEDED,
                "slipway", T0.plus(Duration.ofMinutes(12)), T0.plus(Duration.ofMinutes(13)), "health check failed");
        store.record(good);
        store.record(bad);
        store.record(rollback);

        assertThat(store.current(production)).contains(rollback);
        assertThat(store.lastGood(production)).contains(rollback);
        assertThat(store.history(production, 10)).containsExactly(rollback, bad, good);
    }

    @Test
    void currentOfAServiceListsEachEnvironment() {
        store.record(deploy(staging, "c1", 0, DeploymentStatus.SUCCEEDED));
        store.record(deploy(staging, "c2", 5, DeploymentStatus.SUCCEEDED));
        store.record(deploy(production, "c1", 3, DeploymentStatus.SUCCEEDED));

        assertThat(store.currentOf(service)).extracting(d -> d.target().environment() + "=" + d.build())
                .containsExactly("production=c1", "staging=c2");
    }

    @Test
    void currentAllListsEveryServiceAndEnvironmentOnce() {
        ServiceEnvironment web = new ServiceEnvironment(service + "-web", "staging");
        store.record(deploy(staging, "d1", 0, DeploymentStatus.SUCCEEDED));
        store.record(deploy(staging, "d2", 5, DeploymentStatus.FAILED));
        store.record(deploy(production, "d1", 3, DeploymentStatus.SUCCEEDED));
        store.record(deploy(web, "d3", 1, DeploymentStatus.SUCCEEDED));

        // Other tests' services may share the store: only this test's count.
        assertThat(store.currentAll()).filteredOn(d -> d.target().service().startsWith(service))
                .extracting(d -> d.target() + "=" + d.build() + ":" + d.status())
                .containsExactly(production + "=d1:SUCCEEDED", staging + "=d2:FAILED", web + "=d3:SUCCEEDED");
    }

    @Test
    void oneDeployAtATimePerEnvironment() {
        BuildId first = BuildId.of("l1");
        BuildId second = BuildId.of("l2");

        assertThat(store.tryLock(production, first, T0, LEASE)).isTrue();
        assertThat(store.tryLock(production, second, T0.plusSeconds(1), LEASE)).isFalse();
        assertThat(store.tryLock(staging, second, T0.plusSeconds(1), LEASE)).isTrue();
        assertThat(store.tryLock(production, first, T0.plusSeconds(2), LEASE)).as("the holder extends").isTrue();

        store.unlock(production, second);
        assertThat(store.tryLock(production, second, T0.plusSeconds(3), LEASE)).as("non-holder cannot unlock").isFalse();
        store.unlock(production, first);
        assertThat(store.tryLock(production, second, T0.plusSeconds(4), LEASE)).isTrue();
    }

    @Test
    void anAbandonedLockCanBeTakenAfterItsLease() {
        store.tryLock(production, BuildId.of("crashed"), T0, LEASE);

        assertThat(store.tryLock(production, BuildId.of("next"), T0.plus(LEASE).plusSeconds(1), LEASE)).isTrue();
    }

    @Test
    void ofConcurrentLockersOneWins() throws Exception {
        List<Boolean> won = Concurrently.run(8,
                () -> store.tryLock(production, BuildId.of("t-" + Thread.currentThread().getId()), T0, LEASE));

        assertThat(won).containsOnlyOnce(true);
    }
}
