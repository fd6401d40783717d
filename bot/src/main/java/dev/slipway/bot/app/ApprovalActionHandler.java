package dev.slipway.bot.app;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import dev.slipway.bot.approval.ApprovalService;
import dev.slipway.bot.approval.ClickResult;
import dev.slipway.bot.approval.UserGroupLookupException;
import dev.slipway.bot.message.SlackContent;
import dev.slipway.core.approval.ApprovalDecision.Verdict;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A click on Approve or Reject: the button's value is the approval id. The approval is judged and
 * recorded by {@link ApprovalService}; then the request message is replaced in place, or the
 * clicker alone is told why nothing changed.
 */
final class ApprovalActionHandler implements BlockActionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalActionHandler.class);

    private final ApprovalService approvals;
    private final Verdict verdict;

    ApprovalActionHandler(ApprovalService approvals, Verdict verdict) {
        this.approvals = approvals;
        this.verdict = verdict;
    }

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) throws IOException, SlackApiException {
        BlockActionPayload payload = req.getPayload();
        String approvalId = payload.getActions().get(0).getValue();
        String userId = payload.getUser().getId();
        String channel = payload.getContainer().getChannelId();
        ClickResult result;
        try {
            result = approvals.click(approvalId, userId, verdict);
        } catch (UserGroupLookupException e) {
            LOG.warn("approval {}: could not check {}'s user groups", approvalId, userId, e);
            tell(ctx, channel, userId, "Slipway could not check your user groups with Slack (" + e.getMessage()
                    + "), so nothing was changed. Try again in a minute.");
            return ctx.ack();
        }
        if (result.replacement().isPresent()) {
            SlackContent message = result.replacement().get();
            ChatUpdateResponse updated = ctx.client().chatUpdate(r -> r.channel(channel)
                    .ts(payload.getContainer().getMessageTs()).text(message.text()).blocks(message.blocks()));
            if (!updated.isOk()) {
                LOG.warn("approval {}: the decision is recorded but chat.update failed: {}", approvalId, updated.getError());
            }
        }
        if (result.privateNote().isPresent()) {
            tell(ctx, channel, userId, result.privateNote().get());
        }
        return ctx.ack();
    }

    private static void tell(ActionContext ctx, String channel, String userId, String text) throws IOException, SlackApiException {
        ChatPostEphemeralResponse sent = ctx.client().chatPostEphemeral(r -> r.channel(channel).user(userId).text(text));
        if (!sent.isOk()) {
            LOG.warn("could not tell {} in {}: {} ({})", userId, channel, text, sent.getError());
        }
    }
}
