package dev.slipway.testkit.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.approval.Approval;
import dev.slipway.core.approval.ApprovalDecision;
import dev.slipway.core.approval.ApprovalNotFoundException;
import dev.slipway.core.approval.ApprovalState;
import dev.slipway.core.approval.ApprovalStore;
import dev.slipway.core.approval.ApprovalVersionConflictException;
import dev.slipway.core.build.BuildId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link ApprovalStore} contract: every implementation's test extends this. */
public abstract class ApprovalStoreContract {

    // Now, not a fixed date: DynamoDB Local deletes items whose TTL has passed, as DynamoDB does.
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private ApprovalStore store;
    private String prefix;

    protected abstract ApprovalStore newStore();

    @BeforeEach
    void setUpStore() {
        store = newStore();
        prefix = "b" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Approval request(String build, String stage, Duration expiresIn) {
        BuildId id = BuildId.of(prefix + "-" + build);
        return new Approval(Approval.idFor(id, stage, null), id, stage, null, "token-" + UUID.randomUUID(),
                List.of("U012ABCDEF", "S0PLATFORM"), 2, false, "U0REQUESTER", T0, T0.plus(expiresIn), List.of(),
                ApprovalState.OPEN, null, 0);
    }

    @Test
    void createIsConditionalAndFindReadsItBack() {
        Approval approval = request("a1", "deploy:production", Duration.ofHours(24));

        assertThat(store.create(approval)).isTrue();
        assertThat(store.create(approval.withMessageRef("C1:1.2"))).isFalse();

        assertThat(store.find(approval.id())).contains(approval.withVersion(1));
        assertThat(store.find("no-such-approval")).isEmpty();
    }

    @Test
    void decisionsAreKeptInOrderAndStaleWritesRejected() {
        Approval approval = request("a2", "deploy:production", Duration.ofHours(24));
        store.create(approval);
        Approval v1 = store.find(approval.id()).orElseThrow();
        ApprovalDecision first = new ApprovalDecision("U012ABCDEF", ApprovalDecision.Verdict.APPROVE, T0.plusSeconds(60), null);
        ApprovalDecision second = new ApprovalDecision("U0OTHER", ApprovalDecision.Verdict.REJECT, T0.plusSeconds(61), "not today");

        Approval v2 = store.update(v1.withDecision(first));

        assertThatThrownBy(() -> store.update(v1.withDecision(second)))
                .isInstanceOf(ApprovalVersionConflictException.class);
        Approval v3 = store.modify(approval.id(), a -> a.withDecision(second).withState(ApprovalState.REJECTED));
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v3.decisions()).containsExactly(first, second);
        assertThat(store.find(approval.id())).contains(v3);
    }

    @Test
    void updatingAMissingApprovalSaysSo() {
        Approval never = request("a3", "post_build", Duration.ofHours(1));

        assertThatThrownBy(() -> store.update(never.withVersion(1))).isInstanceOf(ApprovalNotFoundException.class);
    }

    @Test
    void openListsOnlyUndecidedUnexpiredRequestsSoonestFirst() {
        Approval later = request("o1", "deploy:production", Duration.ofHours(24));
        Approval sooner = request("o2", "deploy:production", Duration.ofHours(1));
        Approval decided = request("o3", "deploy:production", Duration.ofHours(2));
        Approval expired = request("o4", "deploy:production", Duration.ofMinutes(1));
        List.of(later, sooner, decided, expired).forEach(store::create);
        store.modify(decided.id(), a -> a.withState(ApprovalState.APPROVED));

        List<String> open = store.open(T0.plus(Duration.ofMinutes(5))).stream()
                .map(Approval::id).filter(id -> id.startsWith(prefix)).toList();

        assertThat(open).containsExactly(sooner.id(), later.id());
    }

    @Test
    void forBuildListsEveryRequestOfThatBuild() {
        Approval postBuild = request("f1", "post_build", Duration.ofHours(1));
        Approval production = request("f1", "deploy:production", Duration.ofHours(1));
        store.create(postBuild);
        store.create(production);
        store.create(request("f2", "deploy:production", Duration.ofHours(1)));

        assertThat(store.forBuild(postBuild.build())).extracting(Approval::id)
                .containsExactlyInAnyOrder(postBuild.id(), production.id());
    }

    @Test
    void theTaskTokenStaysOutOfTheTextForm() {
        Approval approval = request("t1", "deploy:production", Duration.ofHours(1));

        assertThat(approval.toString()).doesNotContain(approval.taskToken());
    }
}
