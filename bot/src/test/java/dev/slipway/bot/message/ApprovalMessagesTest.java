package dev.slipway.bot.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.bot.approval.ApprovalFixtures;
import dev.slipway.bot.model.ApprovalView;
import dev.slipway.core.approval.Approval;
import dev.slipway.core.approval.ApprovalDecision;
import dev.slipway.core.approval.ApprovalDecision.Verdict;
import dev.slipway.core.approval.ApprovalState;
import dev.slipway.testkit.slack.BlockKitLimits;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApprovalMessagesTest {

    private static ApprovalView view(Approval approval) {
        return new ApprovalView(approval, "api", "9fceb02d0ae598e95dc970b74767f19372d61af8",
                URI.create("https://git.example.com/acme/api/commit/9fceb02"), URI.create("https://slipway.example.com/builds/github-42"));
    }

    @Test
    void theRequestCarriesTheApprovalIdOnBothButtonsAndNamesEverything() {
        Approval approval = ApprovalFixtures.production(List.of("U0ALICE", "S0PLATFORM"), 2, false);
        SlackContent request = ApprovalMessages.request(view(approval));
        String json = request.blocksJson();
        assertThat(json).contains("\"action_id\":\"slipway_approve\"", "\"action_id\":\"slipway_reject\"",
                "\"value\":\"" + approval.id() + "\"", "production", "#github-42", "`9fceb02`", "|diff>",
                "Requested by <@U0REQUESTER>", "<@U0ALICE>", "<!subteam^S0PLATFORM>", "2 needed", "not the requester");
        assertThat(json).doesNotContain("task-token");
        assertThat(BlockKitLimits.check(json)).isNull();
    }

    @Test
    void progressIsShownWhileMoreApprovalsAreNeeded() {
        Approval approval = ApprovalFixtures.production(List.of("U0ALICE", "U0BOB"), 2, false)
                .withDecision(new ApprovalDecision("U0ALICE", Verdict.APPROVE, ApprovalFixtures.REQUESTED.plusSeconds(60), null));
        assertThat(ApprovalMessages.request(view(approval)).blocksJson()).contains("1 of 2 approvals: <@U0ALICE>", "slipway_approve");
    }

    @Test
    void aDecidedRequestSaysWhoAndWhenAndHasNoButtons() {
        Approval approved = ApprovalFixtures.production(List.of("U0ALICE"), 1, false)
                .withDecision(new ApprovalDecision("U0ALICE", Verdict.APPROVE, ApprovalFixtures.REQUESTED.plusSeconds(60), null))
                .withState(ApprovalState.APPROVED);
        String json = ApprovalMessages.closed(view(approved)).blocksJson();
        assertThat(json).contains("*Approved* by <@U0ALICE> <!date^" + ApprovalFixtures.REQUESTED.plusSeconds(60).getEpochSecond())
                .doesNotContain("slipway_approve");
        Approval expired = ApprovalFixtures.production(List.of("U0ALICE"), 1, false).withState(ApprovalState.EXPIRED);
        assertThat(ApprovalMessages.closed(view(expired)).blocksJson()).contains("*Expired*", "without a decision");
    }

    @Test
    void anOpenApprovalCannotBeRenderedAsClosed() {
        assertThatThrownBy(() -> ApprovalMessages.closed(view(ApprovalFixtures.production(List.of("U0ALICE"), 1, false))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("still open");
    }

    @Test
    void theCommandLineAnswerNamesTheBuildAndEnvironment() {
        Approval approval = ApprovalFixtures.production(List.of("U0ALICE"), 1, false);

        assertThat(ApprovalMessages.command(approval))
                .startsWith("slipway approve github-42 --env production --as <your Slack user id>");
    }
}
