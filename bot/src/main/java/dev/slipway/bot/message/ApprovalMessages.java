package dev.slipway.bot.message;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import dev.slipway.bot.approval.ApprovalRules;
import dev.slipway.bot.approval.ApprovalTargets;
import dev.slipway.bot.model.ApprovalView;
import dev.slipway.core.approval.Approval;
import dev.slipway.core.approval.ApprovalDecision.Verdict;
import dev.slipway.core.build.StageNames;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The approval request (with Approve and Reject buttons carrying the approval id) and what it
 * becomes: progress while N-of-M approvals are collected, then decided or expired, without buttons.
 */
public final class ApprovalMessages {

    public static final String APPROVE_ACTION = "slipway_approve";
    public static final String REJECT_ACTION = "slipway_reject";

    private ApprovalMessages() {
    }

    /** The command that decides {@code approval} without Slack ({@code slipway approve} on the machine of slipway up). */
    public static String command(Approval approval) {
        String stage = approval.stage();
        return "slipway approve " + approval.build()
                + (stage.startsWith(StageNames.DEPLOY_PREFIX) ? " --env " + stage.substring(StageNames.DEPLOY_PREFIX.length()) : "")
                + (approval.service() == null || approval.service().isBlank() ? "" : " --service " + approval.service())
                + " --as <your Slack user id> (or slipway reject ...)";
    }

    /** The open request; also what it is re-rendered to after each counted approval. */
    public static SlackContent request(ApprovalView view) {
        Approval approval = view.approval();
        List<LayoutBlock> blocks = new ArrayList<>(summary(view, ":raised_hand: *Approval needed*"));
        if (!approval.decisions().isEmpty()) {
            blocks.add(context(c -> c.elements(List.of(markdownText(progress(approval))))));
        }
        blocks.add(actions(a -> a.blockId("approval:" + approval.id()).elements(List.of(
                button(b -> b.actionId(APPROVE_ACTION).value(approval.id()).style("primary").text(plainText("Approve"))),
                button(b -> b.actionId(REJECT_ACTION).value(approval.id()).style("danger").text(plainText("Reject")))))));
        return new SlackContent("Approval needed: " + view.service() + " to " + ApprovalTargets.describe(approval)
                + " (build #" + approval.build() + ")", blocks);
    }

    /** The request once decided or expired: who decided and when, no buttons left. */
    public static SlackContent closed(ApprovalView view) {
        Approval approval = view.approval();
        String outcome = switch (approval.state()) {
            case APPROVED -> ":white_check_mark: *Approved* by " + deciders(approval, Verdict.APPROVE);
            case REJECTED -> ":no_entry: *Rejected* by " + deciders(approval, Verdict.REJECT);
            case EXPIRED -> ":hourglass: *Expired* " + Mrkdwn.date(approval.expiresAt()) + " without a decision";
            case OPEN -> throw new IllegalArgumentException("approval " + approval.id() + " is still open");
        };
        return new SlackContent(view.service() + " to " + ApprovalTargets.describe(approval) + ": "
                + approval.state().name().toLowerCase(), summary(view, outcome));
    }

    private static List<LayoutBlock> summary(ApprovalView view, String headline) {
        Approval approval = view.approval();
        String body = headline + "\n*" + Mrkdwn.escape(view.service()) + "* to *" + Mrkdwn.escape(ApprovalTargets.describe(approval))
                + "*, build " + Mrkdwn.link(view.buildUrl(), "#" + approval.build())
                + ", commit " + Mrkdwn.code(shortSha(view.commit())) + " (" + Mrkdwn.link(view.diffUrl(), "diff") + ")"
                + "\nRequested by " + Mrkdwn.mention(approval.requestedBy());
        String rules = "Approvers: " + approval.approvers().stream().map(Mrkdwn::mention).collect(Collectors.joining(", "))
                + " · " + approval.required() + " needed"
                + (approval.allowSelfApproval() ? "" : " · not the requester")
                + " · expires " + Mrkdwn.date(approval.expiresAt());
        return List.of(section(s -> s.text(markdownText(body))), context(c -> c.elements(List.of(markdownText(rules)))));
    }

    private static String progress(Approval approval) {
        return (approval.required() - ApprovalRules.missing(approval)) + " of " + approval.required()
                + " approvals: " + deciders(approval, Verdict.APPROVE);
    }

    private static String deciders(Approval approval, Verdict verdict) {
        return approval.decisions().stream().filter(d -> d.verdict() == verdict)
                .map(d -> Mrkdwn.mention(d.userId()) + " " + Mrkdwn.date(d.at()))
                .collect(Collectors.joining(", "));
    }

    private static String shortSha(String sha) {
        return sha == null ? "unknown" : sha.length() > 7 ? sha.substring(0, 7) : sha;
    }
}
