package dev.slipway.bot.app;

import static dev.slipway.bot.approval.ApprovalFixtures.production;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.bot.approval.ApprovalService;
import dev.slipway.bot.approval.ApprovalViews;
import dev.slipway.bot.fakes.RecordingTaskCallbacks.Answer;
import dev.slipway.bot.message.ApprovalMessages;
import dev.slipway.bot.notify.BuildNotifier;
import dev.slipway.bot.notify.MessageRef;
import dev.slipway.bot.notify.SlackMessenger;
import dev.slipway.core.approval.Approval;
import dev.slipway.core.approval.ApprovalDecision;
import dev.slipway.core.approval.ApprovalState;
import dev.slipway.testkit.build.TestBuilds;
import dev.slipway.testkit.slack.SlackEphemeral;
import dev.slipway.testkit.slack.SlackMessage;
import dev.slipway.testkit.slack.SlackRequestSigner.SignedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Approval requests posted through the notifier, then clicked by signed button payloads: the
 * decision rules, the record, the answer to the pipeline and the message, end to end.
 */
class ApprovalsIT {

    private final BotHarness bot = new BotHarness();
    private final BuildNotifier notifier = new BuildNotifier(
            new SlackMessenger(SlipwayBotTestSupport.methods(bot), BotHarness.TOKEN, Duration.ZERO), URI.create("http://localhost:8080/"));
    private MessageRef posted;

    @AfterEach
    void close() {
        bot.close();
    }

    private Approval request(Approval approval) {
        bot.slack.postingInterval(Duration.ZERO);
        bot.builds.create(TestBuilds.queued("acme/api", "main", "42", approval.createdAt()));
        bot.approvals.create(approval);
        posted = notifier.approvalRequested(new ApprovalViews(bot.builds, URI.create("http://localhost:8080/")).of(approval),
                "#deploys");
        return bot.approvals.update(bot.approvals.find(approval.id()).orElseThrow().withMessageRef(posted.asString()));
    }

    private void click(String user, String action, Approval approval) {
        SignedRequest request = bot.click(user, action, approval.id(), posted.ts());
        assertThat(bot.send(request).statusCode()).isEqualTo(200);
    }

    private SlackMessage message() {
        return bot.slack.messagesIn(BotHarness.CHANNEL).get(0);
    }

    private Approval stored(Approval approval) {
        return bot.approvals.find(approval.id()).orElseThrow();
    }

    @Test
    void theRequestShowsBuildCommitDiffEnvironmentRequesterAndButtons() {
        Approval approval = request(production(List.of("U0ALICE"), 1, false));
        assertThat(message().visibleText()).contains("Approval needed", "production", "#github-42", "0d1a26e",
                "/commit/" + TestBuilds.SHA, "<@U0REQUESTER>", "<@U0ALICE>");
        assertThat(message().buttonValue(ApprovalMessages.APPROVE_ACTION)).isEqualTo(approval.id());
        assertThat(message().buttonValue(ApprovalMessages.REJECT_ACTION)).isEqualTo(approval.id());
    }

    @Test
    void anAllowedApproverApprovesAndThePipelineContinues() {
        Approval approval = request(production(List.of("U0ALICE"), 1, false));
        click("U0ALICE", ApprovalMessages.APPROVE_ACTION, approval);

        assertThat(bot.callbacks.answers()).singleElement().satisfies(answer -> {
            assertThat(answer.taskToken()).isEqualTo("task-token-42");
            assertThat(answer.success()).isTrue();
            assertThat(answer.output()).contains("\"user\":\"U0ALICE\"");
        });
        assertThat(stored(approval).state()).isEqualTo(ApprovalState.APPROVED);
        assertThat(stored(approval).decisions()).extracting(ApprovalDecision::userId).containsExactly("U0ALICE");
        assertThat(message().revision()).isEqualTo(1);
        assertThat(message().visibleText()).contains("Approved", "<@U0ALICE>", "<!date^" + bot.clock.instant().getEpochSecond());
        assertThat(message().buttonValue(ApprovalMessages.APPROVE_ACTION)).as("no buttons once decided").isNull();
        assertThat(bot.slack.ephemerals()).isEmpty();
    }

    @Test
    void anUnauthorizedClickIsExplainedPrivatelyAndChangesNothing() {
        Approval approval = request(production(List.of("U0ALICE", "S0PLATFORM"), 1, false));
        click("U0MALLORY", ApprovalMessages.APPROVE_ACTION, approval);

        assertThat(bot.slack.ephemerals()).singleElement().satisfies(e -> {
            assertThat(e.user()).isEqualTo("U0MALLORY");
            assertThat(e.text()).contains("not an approver", "<@U0ALICE>", "<!subteam^S0PLATFORM>");
        });
        assertNothingChanged(approval);
        assertThat(bot.slack.calls("usergroups.users.list")).as("group membership asked of Slack").hasSize(1);
    }

    @Test
    void theRequesterCannotApproveTheirOwnDeploy() {
        Approval approval = request(production(List.of("U0REQUESTER", "U0ALICE"), 1, false));
        click("U0REQUESTER", ApprovalMessages.APPROVE_ACTION, approval);
        assertThat(bot.slack.ephemerals()).extracting(SlackEphemeral::text).singleElement()
                .asString().contains("someone else has to approve it");
        assertNothingChanged(approval);
    }

    @Test
    void aSecondClickAfterTheDecisionIsRefused() {
        Approval approval = request(production(List.of("U0ALICE", "U0BOB"), 1, false));
        click("U0ALICE", ApprovalMessages.APPROVE_ACTION, approval);
        click("U0BOB", ApprovalMessages.REJECT_ACTION, approval);

        assertThat(bot.callbacks.answers()).extracting(Answer::success).containsExactly(true);
        assertThat(bot.slack.ephemerals()).extracting(SlackEphemeral::text).singleElement().asString().contains("already approved");
        assertThat(stored(approval).decisions()).hasSize(1);
    }

    @Test
    void aClickAfterExpiryIsRefusedAndThePipelineIsNotAnswered() {
        Approval approval = request(production(List.of("U0ALICE"), 1, false));
        bot.clock.advance(Duration.ofHours(5));
        click("U0ALICE", ApprovalMessages.APPROVE_ACTION, approval);
        assertThat(bot.slack.ephemerals()).extracting(SlackEphemeral::text).singleElement().asString().contains("expired");
        assertNothingChanged(approval);
    }

    @Test
    void twoOfThreeNeedsTwoPeopleAndShowsProgress() {
        Approval approval = request(production(List.of("U0ALICE", "U0BOB", "S0PLATFORM"), 2, false));
        click("U0CAROL", ApprovalMessages.APPROVE_ACTION, approval);

        assertThat(bot.callbacks.answers()).isEmpty();
        assertThat(message().visibleText()).contains("1 of 2 approvals", "<@U0CAROL>");
        assertThat(message().buttonValue(ApprovalMessages.APPROVE_ACTION)).as("still open").isEqualTo(approval.id());

        click("U0CAROL", ApprovalMessages.APPROVE_ACTION, approval);
        assertThat(bot.slack.ephemerals()).extracting(SlackEphemeral::text).singleElement().asString()
                .contains("already approved", "1 more");

        click("U0BOB", ApprovalMessages.APPROVE_ACTION, approval);
        assertThat(bot.callbacks.answers()).extracting(Answer::success).containsExactly(true);
        assertThat(stored(approval).state()).isEqualTo(ApprovalState.APPROVED);
        assertThat(message().visibleText()).contains("Approved", "<@U0CAROL>", "<@U0BOB>");
    }

    @Test
    void aRejectionFailsThePipelineTaskWithWhoAndWhen() {
        Approval approval = request(production(List.of("U0ALICE"), 1, false));
        click("U0ALICE", ApprovalMessages.REJECT_ACTION, approval);
        assertThat(bot.callbacks.answers()).singleElement().satisfies(answer -> {
            assertThat(answer.success()).isFalse();
            assertThat(answer.error()).isEqualTo(ApprovalService.REJECTED_ERROR);
            assertThat(answer.cause()).contains("U0ALICE");
        });
        assertThat(stored(approval).state()).isEqualTo(ApprovalState.REJECTED);
        assertThat(message().visibleText()).contains("Rejected", "<@U0ALICE>");
    }

    @Test
    void whenThePipelineNoLongerWaitsTheApprovalShowsAsExpired() {
        Approval approval = request(production(List.of("U0ALICE"), 1, false));
        bot.callbacks.tokenGone("task-token-42");
        click("U0ALICE", ApprovalMessages.APPROVE_ACTION, approval);
        assertThat(stored(approval).state()).isEqualTo(ApprovalState.EXPIRED);
        assertThat(stored(approval).decisions()).as("the click decided nothing").isEmpty();
        assertThat(message().visibleText()).contains("Expired", "without a decision");
        assertThat(bot.slack.ephemerals()).extracting(SlackEphemeral::text).singleElement().asString()
                .contains("stopped waiting");
    }

    @Test
    void anOutageAnsweringThePipelineUndoesTheDecisionSoTheClickCanBeRepeated() {
        Approval approval = request(production(List.of("U0ALICE"), 1, false));
        bot.callbacks.failNextCall();
        click("U0ALICE", ApprovalMessages.APPROVE_ACTION, approval);
        assertThat(bot.slack.ephemerals()).extracting(SlackEphemeral::text).singleElement().asString()
                .contains("could not reach the pipeline");
        assertNothingChanged(approval);

        click("U0ALICE", ApprovalMessages.APPROVE_ACTION, approval);
        assertThat(bot.callbacks.answers()).extracting(Answer::success).containsExactly(true);
        assertThat(stored(approval).state()).isEqualTo(ApprovalState.APPROVED);
    }

    @Test
    void whenSlackCannotSayWhoIsInAGroupNothingChanges() {
        Approval approval = request(production(List.of("S0PLATFORM"), 1, false));
        // The app was installed without usergroups:read: Slack answers missing_scope.
        bot.slack.token(BotHarness.TOKEN, Set.of("commands", "chat:write"), "U0SLIPWAY");
        click("U0CAROL", ApprovalMessages.APPROVE_ACTION, approval);
        assertThat(bot.slack.ephemerals()).extracting(SlackEphemeral::text).singleElement().asString()
                .contains("could not check your user groups", "usergroups:read");
        assertNothingChanged(approval);
    }

    @Test
    void aRetriedClickIsCarriedOutOnce() {
        Approval approval = request(production(List.of("U0ALICE", "U0BOB"), 2, false));
        SignedRequest click = bot.click("U0ALICE", ApprovalMessages.APPROVE_ACTION, approval.id(), posted.ts());
        bot.send(click);
        assertThat(bot.send(click.retry(1, "http_timeout")).statusCode()).isEqualTo(200);
        assertThat(stored(approval).decisions()).hasSize(1);
        assertThat(bot.slack.ephemerals()).as("a retry is not a second click").isEmpty();
    }

    private void assertNothingChanged(Approval approval) {
        Approval now = stored(approval);
        assertThat(now.state()).isEqualTo(ApprovalState.OPEN);
        assertThat(now.decisions()).isEmpty();
        assertThat(bot.callbacks.answers()).isEmpty();
        assertThat(message().revision()).as("the request message is untouched").isZero();
    }
}
