package dev.slipway.testkit.build;

import static dev.slipway.testkit.build.TestBuilds.T0;
import static dev.slipway.testkit.build.TestBuilds.queued;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildNotFoundException;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildStatus;
import dev.slipway.core.build.BuildStore;
import dev.slipway.core.build.BuildVersionConflictException;
import dev.slipway.core.build.StageStatus;
import dev.slipway.testkit.Concurrently;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link BuildStore} contract: every implementation's test extends this. */
public abstract class BuildStoreContract {

    private BuildStore store;

    /** A store with no builds in it (a fresh table, or one with a unique name prefix). */
    protected abstract BuildStore newStore();

    @BeforeEach
    void setUpStore() {
        store = newStore();
    }

    @Test
    void createStoresVersionOneAndFindReadsItBack() {
        BuildRecord build = queued("acme/api", "main", "c1", T0);

        assertThat(store.create(build)).isTrue();

        assertThat(store.find(build.id())).contains(build.withVersion(1));
        assertThat(store.find(BuildId.of("never-recorded"))).isEmpty();
    }

    @Test
    void creatingAnExistingBuildChangesNothing() {
        BuildRecord build = queued("acme/api", "main", "c2", T0);
        store.create(build);
        BuildRecord other = build.withStatus(BuildStatus.FAILED, "should not land", T0.plusSeconds(5));

        assertThat(store.create(other)).isFalse();

        assertThat(store.find(build.id()).orElseThrow().status()).isEqualTo(BuildStatus.QUEUED);
    }

    @Test
    void concurrentCreatesOfOneIdLetExactlyOneWin() throws Exception {
        BuildRecord build = queued("acme/api", "main", "c3", T0);

        List<Boolean> results = Concurrently.run(8, () -> store.create(build));

        assertThat(results).containsOnlyOnce(true);
    }

    @Test
    void updateWritesTheNextVersionAndRejectsStaleOnes() {
        BuildRecord build = queued("acme/api", "main", "u1", T0);
        store.create(build);
        BuildRecord v1 = store.find(build.id()).orElseThrow();

        BuildRecord v2 = store.update(v1.withStatus(BuildStatus.RUNNING, null, T0.plusSeconds(1)));

        assertThat(v2.version()).isEqualTo(2);
        assertThat(store.find(build.id())).contains(v2);
        assertThatThrownBy(() -> store.update(v1.withStatus(BuildStatus.CANCELLED, "late", T0.plusSeconds(2))))
                .isInstanceOf(BuildVersionConflictException.class)
                .hasMessageContaining("re-read");
        assertThat(store.find(build.id()).orElseThrow().status()).isEqualTo(BuildStatus.RUNNING);
    }

    @Test
    void updatingAMissingBuildSaysItIsMissing() {
        BuildRecord never = queued("acme/api", "main", "u2", T0);

        assertThatThrownBy(() -> store.update(never.withVersion(1))).isInstanceOf(BuildNotFoundException.class);
    }

    @Test
    void modifyReappliesTheChangeAfterAConcurrentWrite() {
        BuildRecord build = queued("acme/api", "main", "m1", T0);
        store.create(build);
        AtomicBoolean interfered = new AtomicBoolean();

        BuildRecord result = store.modify(build.id(), current -> {
            if (interfered.compareAndSet(false, true)) {
                store.modify(build.id(), b -> b.withExecution("arn:concurrent", T0.plusSeconds(1)));
            }
            return current.withStatus(BuildStatus.RUNNING, null, T0.plusSeconds(2));
        });

        assertThat(result.status()).isEqualTo(BuildStatus.RUNNING);
        assertThat(result.executionArn()).isEqualTo("arn:concurrent");
        assertThat(result.version()).isEqualTo(3);
    }

    @Test
    void storesEveryPartOfTheRecord() {
        BuildRecord build = queued("acme/api", "main", "p1", T0);
        store.create(build);

        BuildRecord changed = store.modify(build.id(), b -> b
                .withStage(b.stages().get(0).started(T0).finished(StageStatus.FAILED, T0.plusSeconds(30), 2, "tests failed")
                        .withLog("s3://logs/p1/integration.log"), T0.plusSeconds(30))
                .withImage("api", "localhost:5000/acme/api@sha256:" + "b".repeat(64), T0.plusSeconds(30))
                .withStatus(BuildStatus.RUNNING, null, T0.plusSeconds(30))
                .withStatus(BuildStatus.FAILED, "integration failed", T0.plusSeconds(31)));

        assertThat(store.find(build.id())).contains(changed);
        assertThat(changed.stages().get(0).exitCode()).isEqualTo(2);
    }

    @Test
    void latestForRepoIsNewestFirstLimitedAndOnlyThatRepo() {
        for (int i = 0; i < 5; i++) {
            store.create(queued("acme/api", "main", "r" + i, T0.plusSeconds(i)));
        }
        store.create(queued("acme/web", "main", "w0", T0.plusSeconds(100)));

        List<BuildRecord> latest = store.latestForRepo("acme/api", 3);

        assertThat(latest).extracting(b -> b.request().deliveryId()).containsExactly("r4", "r3", "r2");
        assertThat(store.latestForRepo("acme/none", 3)).isEmpty();
    }

    @Test
    void latestForBranchSeesOnlyThatBranch() {
        store.create(queued("acme/api", "main", "b0", T0));
        store.create(queued("acme/api", "feature/x", "b1", T0.plusSeconds(1)));
        store.create(queued("acme/api", "main", "b2", T0.plusSeconds(2)));
        store.create(queued("acme/web", "main", "b3", T0.plusSeconds(3)));

        assertThat(store.latestForBranch("acme/api", "main", 10))
                .extracting(b -> b.request().deliveryId()).containsExactly("b2", "b0");
        assertThat(store.latestForBranch("acme/api", "feature/x", 10))
                .extracting(b -> b.request().deliveryId()).containsExactly("b1");
    }
}
