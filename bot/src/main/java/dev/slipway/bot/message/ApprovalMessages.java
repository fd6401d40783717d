package dev.slipway.bot.message;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import dev.slipway.bot.model.ApprovalRequest;
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

    /** The open request; also what it is re-rendered to after each counted approval. */
    public static SlackContent request(ApprovalRequest approval) {
        List<LayoutBlock> blocks = new ArrayList<>(summary(approval, ":raised_hand: *Approval needed*"));
        if (!approval.decisions().isEmpty()) {
            blocks.add(context(c -> c.elements(List.of(markdownText(progress(approval))))));
        }
        blocks.add(actions(a -> a.blockId("approval:" + approval.id()).elements(List.of(
                button(b -> b.actionId(APPROVE_ACTION).value(approval.id()).style("primary").text(plainText("Approve"))),
                button(b -> b.actionId(REJECT_ACTION).value(approval.id()).style("danger").text(plainText("Reject")))))));
        return new SlackContent("Approval needed: " + approval.service() + " to " + approval.environment()
                + " (build #" + approval.buildId() + ")", blocks);
    }

    /** The request once decided or expired: who decided and when, no buttons left. */
    public static SlackContent closed(ApprovalRequest approval) {
        String outcome = switch (approval.state()) {
            case APPROVED -> ":white_check_mark: *Approved* by " + voters(approval, true);
            case REJECTED -> ":no_entry: *Rejected* by " + voters(approval, false);
            case EXPIRED -> ":hourglass: *Expired* " + Mrkdwn.date(approval.expiresAt()) + " without a decision";
            case OPEN -> throw new IllegalArgumentException("approval " + approval.id() + " is still open");
        };
        List<LayoutBlock> blocks = new ArrayList<>(summary(approval, outcome));
        return new SlackContent(approval.service() + " to " + approval.environment() + ": "
                + approval.state().name().toLowerCase(), blocks);
    }

    private static List<LayoutBlock> summary(ApprovalRequest approval, String headline) {
        String body = headline + "\n*" + Mrkdwn.escape(approval.service()) + "* to *" + Mrkdwn.escape(approval.environment())
                + "*, build " + Mrkdwn.link(approval.buildUrl(), "#" + approval.buildId())
                + ", commit " + Mrkdwn.code(shortSha(approval.commit())) + " (" + Mrkdwn.link(approval.diffUrl(), "diff") + ")"
                + "\nRequested by " + Mrkdwn.mention(approval.requesterId());
        String rules = "Approvers: " + approval.approvers().stream().map(Mrkdwn::mention).collect(Collectors.joining(", "))
                + " · " + approval.required() + " needed"
                + (approval.allowSelfApproval() ? "" : " · not the requester")
                + " · expires " + Mrkdwn.date(approval.expiresAt());
        return List.of(section(s -> s.text(markdownText(body))), context(c -> c.elements(List.of(markdownText(rules)))));
    }

    private static String progress(ApprovalRequest approval) {
        return approval.approvals() + " of " + approval.required() + " approvals: " + voters(approval, true);
    }

    private static String voters(ApprovalRequest approval, boolean approving) {
        return approval.decisions().stream().filter(v -> v.approve() == approving)
                .map(v -> Mrkdwn.mention(v.userId()) + " " + Mrkdwn.date(v.at()))
                .collect(Collectors.joining(", "));
    }

    private static String shortSha(String sha) {
        return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }
}
