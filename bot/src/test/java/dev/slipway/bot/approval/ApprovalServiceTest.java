package dev.slipway.bot.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.bot.fakes.RecordingTaskCallbacks;
import dev.slipway.core.approval.Approval;
import dev.slipway.core.approval.ApprovalDecision;
import dev.slipway.core.approval.ApprovalDecision.Verdict;
import dev.slipway.core.approval.ApprovalState;
import dev.slipway.core.approval.ApprovalStore;
import dev.slipway.core.build.BuildId;
import dev.slipway.testkit.approval.InMemoryApprovalStore;
import dev.slipway.testkit.build.InMemoryBuildStore;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The click logic without Slack: records, pipeline answers, and races between two approvers. */
class ApprovalServiceTest {

    private static final Instant NOW = ApprovalFixtures.REQUESTED.plusSeconds(60);

    private final InMemoryApprovalStore store = new InMemoryApprovalStore();
    private final RecordingTaskCallbacks callbacks = new RecordingTaskCallbacks();
    private final ApprovalRules rules = new ApprovalRules(id -> Map.of("S0PLATFORM", Set.of("U0CAROL")).getOrDefault(id, Set.of()));

    private ApprovalService service(ApprovalStore approvals) {
        return new ApprovalService(approvals, new ApprovalViews(new InMemoryBuildStore(), URI.create("http://localhost:8080/")),
                rules, callbacks, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theCliDecidesByBuildAndEnvironmentUnderTheSameRules() throws Exception {
        store.create(ApprovalFixtures.production(List.of("U0ALICE"), 1, false));
        ClickResult refused = service(store).decide(ApprovalFixtures.BUILD, "production", "U0MALLORY", Verdict.APPROVE);
        assertThat(refused.privateNote()).get().asString().contains("not an approver");
        ClickResult approved = service(store).decide(ApprovalFixtures.BUILD, "production", "U0ALICE", Verdict.APPROVE);
        assertThat(approved.replacement()).isPresent();
        assertThat(callbacks.answers()).hasSize(1);
        ClickResult unknown = service(store).decide(BuildId.of("github-7"), "production", "U0ALICE", Verdict.APPROVE);
        assertThat(unknown.privateNote()).get().asString().contains("does not exist");
    }

    @Test
    void twoApproversAtOnceAreBothCountedAndThePipelineIsAnsweredOnce() throws Exception {
        Approval open = ApprovalFixtures.production(List.of("U0ALICE", "U0BOB"), 2, false);
        store.create(open);
        AtomicBoolean raced = new AtomicBoolean();
        // Bob's click lands between Alice's read and her write.
        ApprovalStore racing = new DelegatingStore(store) {
            @Override
            public Approval update(Approval changed) {
                if (raced.compareAndSet(false, true)) {
                    Approval current = store.find(changed.id()).orElseThrow();
                    store.update(current.withDecision(new ApprovalDecision("U0BOB", Verdict.APPROVE, NOW, null)));
                }
                return store.update(changed);
            }
        };

        service(racing).click(open.id(), "U0ALICE", Verdict.APPROVE);

        Approval stored = store.find(open.id()).orElseThrow();
        assertThat(stored.decisions()).extracting(ApprovalDecision::userId).containsExactly("U0BOB", "U0ALICE");
        assertThat(stored.state()).as("Alice's click, judged again after Bob's, completes the approval").isEqualTo(ApprovalState.APPROVED);
        assertThat(callbacks.answers()).hasSize(1);
    }

    /** Passes every call through; tests override one method to interleave another writer. */
    private static class DelegatingStore implements ApprovalStore {
        private final ApprovalStore delegate;

        DelegatingStore(ApprovalStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean create(Approval approval) {
            return delegate.create(approval);
        }

        @Override
        public Optional<Approval> find(String id) {
            return delegate.find(id);
        }

        @Override
        public Approval update(Approval changed) {
            return delegate.update(changed);
        }

        @Override
        public List<Approval> open(Instant now) {
            return delegate.open(now);
        }

        @Override
        public List<Approval> forBuild(BuildId build) {
            return delegate.forBuild(build);
        }
    }
}
