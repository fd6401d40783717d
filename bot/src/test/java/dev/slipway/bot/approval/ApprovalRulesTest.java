package dev.slipway.bot.approval;

import static dev.slipway.bot.approval.ApprovalFixtures.REQUESTED;
import static dev.slipway.bot.approval.ApprovalFixtures.production;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.bot.approval.ApprovalOutcome.Reason;
import dev.slipway.core.approval.Approval;
import dev.slipway.core.approval.ApprovalDecision;
import dev.slipway.core.approval.ApprovalDecision.Verdict;
import dev.slipway.core.approval.ApprovalState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovalRulesTest {

    private static final Instant NOW = REQUESTED.plus(Duration.ofMinutes(5));

    private final List<String> lookedUp = new ArrayList<>();
    private final Map<String, Set<String>> groups = Map.of("S0PLATFORM", Set.of("U0CAROL", "U0DAVE"));
    private final ApprovalRules rules = new ApprovalRules(id -> {
        lookedUp.add(id);
        return groups.getOrDefault(id, Set.of());
    });

    @Test
    void anAllowedUserApprovesAOneOfOneApproval() throws Exception {
        Approval open = production(List.of("U0ALICE"), 1, false);
        ApprovalOutcome outcome = rules.decide(open, "U0ALICE", Verdict.APPROVE, NOW);
        assertThat(outcome).isInstanceOfSatisfying(ApprovalOutcome.Approved.class, approved -> {
            assertThat(approved.approval().state()).isEqualTo(ApprovalState.APPROVED);
            assertThat(approved.approval().decisions()).containsExactly(new ApprovalDecision("U0ALICE", Verdict.APPROVE, NOW, null));
        });
        assertThat(lookedUp).as("a user listed by id needs no group lookup").isEmpty();
    }

    @Test
    void aMemberOfAListedUserGroupIsAnApprover() throws Exception {
        ApprovalOutcome outcome = rules.decide(production(List.of("U0ALICE", "S0PLATFORM"), 1, false), "U0CAROL", Verdict.APPROVE, NOW);
        assertThat(outcome).isInstanceOf(ApprovalOutcome.Approved.class);
        assertThat(lookedUp).containsExactly("S0PLATFORM");
    }

    @Test
    void someoneNotListedIsRefusedWithTheApproversNamed() throws Exception {
        ApprovalOutcome outcome = rules.decide(production(List.of("U0ALICE", "S0PLATFORM"), 1, false), "U0MALLORY", Verdict.APPROVE, NOW);
        assertThat(outcome).isInstanceOfSatisfying(ApprovalOutcome.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(Reason.NOT_AN_APPROVER);
            assertThat(refused.explanation()).contains("<@U0ALICE>", "<!subteam^S0PLATFORM>", "deploy.production.approval.approvers");
        });
    }

    @Test
    void theRequesterCannotApproveTheirOwnDeployUnlessAllowed() throws Exception {
        List<String> approvers = List.of("U0REQUESTER", "U0ALICE");
        assertThat(rules.decide(production(approvers, 1, false), "U0REQUESTER", Verdict.APPROVE, NOW))
                .isInstanceOfSatisfying(ApprovalOutcome.Refused.class, r -> assertThat(r.reason()).isEqualTo(Reason.SELF_APPROVAL));
        assertThat(rules.decide(production(approvers, 1, true), "U0REQUESTER", Verdict.APPROVE, NOW))
                .isInstanceOf(ApprovalOutcome.Approved.class);
    }

    @Test
    void twoOfThreeNeedsTwoDistinctPeople() throws Exception {
        Approval open = production(List.of("U0ALICE", "U0BOB", "S0PLATFORM"), 2, false);
        ApprovalOutcome first = rules.decide(open, "U0ALICE", Verdict.APPROVE, NOW);
        assertThat(first).isInstanceOfSatisfying(ApprovalOutcome.Counted.class, c -> assertThat(c.missing()).isEqualTo(1));
        Approval afterFirst = ((ApprovalOutcome.Counted) first).approval();

        ApprovalOutcome again = rules.decide(afterFirst, "U0ALICE", Verdict.APPROVE, NOW.plusSeconds(1));
        assertThat(again).isInstanceOfSatisfying(ApprovalOutcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Reason.ALREADY_VOTED));

        ApprovalOutcome second = rules.decide(afterFirst, "U0DAVE", Verdict.APPROVE, NOW.plusSeconds(2));
        assertThat(second).isInstanceOfSatisfying(ApprovalOutcome.Approved.class, a -> {
            assertThat(a.approval().decisions()).extracting(ApprovalDecision::userId).containsExactly("U0ALICE", "U0DAVE");
        });
    }

    @Test
    void oneRejectionRejectsEvenAfterAnApproval() throws Exception {
        Approval open = production(List.of("U0ALICE", "U0BOB"), 2, false);
        Approval afterFirst = ((ApprovalOutcome.Counted) rules.decide(open, "U0ALICE", Verdict.APPROVE, NOW)).approval();
        assertThat(rules.decide(afterFirst, "U0BOB", Verdict.REJECT, NOW)).isInstanceOfSatisfying(ApprovalOutcome.Rejected.class,
                r -> assertThat(r.approval().state()).isEqualTo(ApprovalState.REJECTED));
    }

    @Test
    void aDecidedApprovalChangesNoMore() throws Exception {
        Approval approved = ((ApprovalOutcome.Approved) rules.decide(production(List.of("U0ALICE", "U0BOB"), 1, false),
                "U0ALICE", Verdict.APPROVE, NOW)).approval();
        assertThat(rules.decide(approved, "U0BOB", Verdict.REJECT, NOW)).isInstanceOfSatisfying(ApprovalOutcome.Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.ALREADY_DECIDED);
            assertThat(r.explanation()).contains("already approved");
        });
    }

    @Test
    void aClickAtOrAfterExpiryIsRefusedWithHowToStartAgain() throws Exception {
        Approval open = production(List.of("U0ALICE"), 1, false);
        assertThat(rules.decide(open, "U0ALICE", Verdict.APPROVE, open.expiresAt())).isInstanceOfSatisfying(ApprovalOutcome.Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.EXPIRED);
            assertThat(r.explanation()).contains("/deploy <service> #github-42 to production");
        });
        assertThat(rules.decide(open, "U0ALICE", Verdict.APPROVE, open.expiresAt().minusMillis(1))).isInstanceOf(ApprovalOutcome.Approved.class);
    }

    @Test
    void expiryIsCheckedBeforeWhoClicked() throws Exception {
        Approval open = production(List.of("U0ALICE"), 1, false);
        assertThat(rules.decide(open, "U0MALLORY", Verdict.APPROVE, open.expiresAt().plusSeconds(60)))
                .isInstanceOfSatisfying(ApprovalOutcome.Refused.class, r -> assertThat(r.reason()).isEqualTo(Reason.EXPIRED));
    }

    @Test
    void aFailedGroupLookupIsNotTakenAsMembership() {
        ApprovalRules failing = new ApprovalRules(id -> {
            throw new UserGroupLookupException("usergroups.users.list answered missing_scope", null);
        });
        assertThatThrownBy(() -> failing.decide(production(List.of("S0PLATFORM"), 1, false), "U0CAROL", Verdict.APPROVE, NOW))
                .isInstanceOf(UserGroupLookupException.class);
    }

    @Test
    void aNoteGivenWithTheDecisionIsKeptForAudit() throws Exception {
        ApprovalOutcome outcome = rules.decide(production(List.of("U0ALICE"), 1, false), "U0ALICE", Verdict.APPROVE, NOW,
                "checked the diff");
        assertThat(outcome).isInstanceOfSatisfying(ApprovalOutcome.Approved.class, approved -> assertThat(
                approved.approval().decisions()).extracting(d -> d.note()).containsExactly("checked the diff"));
    }
}
