package dev.slipway.bot.app;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.slipway.bot.command.CommandParser;
import dev.slipway.bot.command.ParsedCommand;
import dev.slipway.bot.command.SlashCommand;
import dev.slipway.bot.message.CommandReplies;
import dev.slipway.bot.message.SlackContent;
import dev.slipway.bot.release.Accepted;
import dev.slipway.bot.release.ReleaseActionRefusedException;
import dev.slipway.bot.release.ReleaseActions;
import dev.slipway.bot.release.ReleaseStatus;
import dev.slipway.bot.release.Requester;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every Slipway slash command: parse, then either explain what was wrong (ephemeral, nothing
 * started) or hand the command to its port and answer with what the port says. The answer is the
 * acknowledgement itself, so Slack gets it inside its 3 seconds; the ports only enqueue.
 */
final class CommandHandler implements SlashCommandHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CommandHandler.class);

    private final CommandParser parser = new CommandParser();
    private final ReleaseActions actions;
    private final ReleaseStatus status;

    CommandHandler(ReleaseActions actions, ReleaseStatus status) {
        this.actions = actions;
        this.status = status;
    }

    @Override
    public Response apply(SlashCommandRequest req, SlashCommandContext ctx) {
        SlashCommandPayload payload = req.getPayload();
        ParsedCommand parsed = parser.parse(payload.getCommand(), payload.getText());
        if (parsed instanceof ParsedCommand.Invalid invalid) {
            LOG.info("{} {} from {}: {}", payload.getCommand(), payload.getText(), payload.getUserId(), invalid.problem());
            return ephemeral(ctx, CommandReplies.invalid(invalid.problem(), invalid.usage()));
        }
        SlashCommand command = ((ParsedCommand.Valid) parsed).command();
        Requester requester = new Requester(payload.getUserId(), payload.getChannelId(), payload.getTriggerId());
        try {
            return run(command, requester, ctx);
        } catch (ReleaseActionRefusedException e) {
            LOG.info("{} {} from {} refused: {}", payload.getCommand(), payload.getText(), payload.getUserId(), e.getMessage());
            return ephemeral(ctx, CommandReplies.refused(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("{} {} from {} failed", payload.getCommand(), payload.getText(), payload.getUserId(), e);
            return ephemeral(ctx, CommandReplies.failed("run `" + payload.getCommand() + " " + payload.getText() + "`"));
        }
    }

    private Response run(SlashCommand command, Requester requester, SlashCommandContext ctx)
            throws ReleaseActionRefusedException {
        if (command instanceof SlashCommand.Help) {
            return ephemeral(ctx, CommandReplies.help());
        }
        if (command instanceof SlashCommand.Status s) {
            return ephemeral(ctx, CommandReplies.status(status.report(s.subject())));
        }
        Accepted accepted;
        if (command instanceof SlashCommand.Deploy deploy) {
            accepted = actions.deploy(requester, deploy);
        } else if (command instanceof SlashCommand.Rollback rollback) {
            accepted = actions.rollback(requester, rollback);
        } else if (command instanceof SlashCommand.Build build) {
            accepted = actions.build(requester, build);
        } else {
            accepted = actions.cancel(requester, (SlashCommand.Cancel) command);
        }
        LOG.info("{} by {}: {}", command, requester.userId(), accepted.summary());
        // In the channel: a release is the team's business, and the build message follows there.
        SlackContent reply = CommandReplies.accepted(accepted);
        return ctx.ack(r -> r.responseType("in_channel").text(reply.text()).blocks(reply.blocks()));
    }

    private static Response ephemeral(SlashCommandContext ctx, SlackContent content) {
        return ctx.ack(r -> r.responseType("ephemeral").text(content.text()).blocks(content.blocks()));
    }
}
