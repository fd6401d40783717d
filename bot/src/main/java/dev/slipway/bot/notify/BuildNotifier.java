package dev.slipway.bot.notify;

import dev.slipway.bot.message.ApprovalMessages;
import dev.slipway.bot.message.BuildMessages;
import dev.slipway.bot.message.SlackContent;
import dev.slipway.bot.model.ApprovalView;
import dev.slipway.bot.model.RollbackNotice;
import dev.slipway.bot.model.StageFailure;
import dev.slipway.core.approval.ApprovalState;
import dev.slipway.core.build.BuildRecord;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the pipeline's notify step calls: one message per build, posted when the build starts and
 * rendered whole again on every change ({@code chat.update}), failures and rollbacks in its thread,
 * approval requests as their own messages. The caller keeps the returned {@link MessageRef}s with
 * the build (and the approval) and passes them back.
 */
public final class BuildNotifier {

    private final Messenger messenger;
    private final URI pagesBase;
    /** Last content sent per message: an unchanged re-render costs no Slack call. Best effort, per process. */
    private final Map<MessageRef, SlackContent> lastSent = new ConcurrentHashMap<>();

    public BuildNotifier(Messenger messenger, URI pagesBase) {
        this.messenger = messenger;
        this.pagesBase = pagesBase;
    }

    /**
     * Posts the build's message, or updates it in place when {@code existing} is given; returns
     * where the message is now (a new one if the old was deleted: store what this returns).
     */
    public MessageRef buildChanged(BuildRecord build, String service, String channel, Optional<MessageRef> existing) {
        SlackContent content = BuildMessages.build(build, service, buildUrl(build.id().value()));
        if (existing.isEmpty()) {
            MessageRef posted = messenger.post(channel, content);
            lastSent.put(posted, content);
            return posted;
        }
        MessageRef ref = existing.get();
        if (content.equals(lastSent.get(ref))) {
            return ref;
        }
        try {
            messenger.update(ref, content);
        } catch (NotificationFailedException e) {
            if (!e.slackError().filter("message_not_found"::equals).isPresent()) {
                throw e;
            }
            // Someone deleted the build's message: the build still deserves one.
            MessageRef reposted = messenger.post(ref.channel(), content);
            lastSent.put(reposted, content);
            return reposted;
        }
        lastSent.put(ref, content);
        return ref;
    }

    /** The failing stage's last log lines and a link to the full log, in the build message's thread. */
    public MessageRef stageFailed(MessageRef buildMessage, StageFailure failure) {
        return messenger.reply(buildMessage, BuildMessages.failure(failure));
    }

    /** A rollback, in the thread of the build that caused it, or in {@code channel} for a manual one. */
    public MessageRef rolledBack(Optional<MessageRef> buildMessage, String channel, RollbackNotice rollback) {
        SlackContent content = BuildMessages.rollback(rollback);
        return buildMessage.map(parent -> messenger.reply(parent, content)).orElseGet(() -> messenger.post(channel, content));
    }

    /** Posts an approval request with its buttons; store the reference as the approval's {@code messageRef}. */
    public MessageRef approvalRequested(ApprovalView view, String channel) {
        SlackContent request = ApprovalMessages.request(view);
        if (!messenger.hasButtons()) {
            request = new SlackContent(request.text() + " | answer with: " + ApprovalMessages.command(view.approval()),
                    request.blocks());
        }
        return messenger.post(channel, request);
    }

    /** Re-renders an approval's message (after it expired without a click, for example). */
    public void approvalChanged(ApprovalView view, MessageRef message) {
        messenger.update(message, view.approval().state() == ApprovalState.OPEN
                ? ApprovalMessages.request(view) : ApprovalMessages.closed(view));
    }

    public URI buildUrl(String buildId) {
        String base = pagesBase.toString().endsWith("/") ? pagesBase.toString() : pagesBase + "/";
        return URI.create(base + "builds/" + buildId);
    }
}
