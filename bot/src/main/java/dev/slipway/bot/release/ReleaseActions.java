package dev.slipway.bot.release;

import dev.slipway.bot.command.SlashCommand;

/**
 * The effects of the bot's commands, behind the bot: they enqueue a build request (a {@code /deploy}
 * or {@code /rollback} one carries a release order) or stop a pipeline execution.
 * {@link PipelineReleaseActions} implements it on the core ports.
 *
 * <p>Contract, for every method:
 * <ul>
 *   <li><b>Fast.</b> Returns within one second: it records and enqueues or starts work, and never
 *       waits for a build, a deploy or an approval. The bot answers Slack inside its 3-second limit
 *       with what this returns.</li>
 *   <li><b>Idempotent per request.</b> Two calls with the same {@link Requester#requestId()} start
 *       at most one thing; the second returns the first's {@link Accepted}.</li>
 *   <li><b>Same path as pipelines.</b> A deploy or rollback from Slack goes through the same state
 *       machine and the same approval rules as one from a push: nothing here skips an approval.</li>
 *   <li><b>Errors.</b> A request that cannot be carried out because of what was asked throws
 *       {@link ReleaseActionRefusedException} with a message for the user; any other exception means
 *       Slipway itself failed, and the bot tells the user to try again.</li>
 *   <li>Thread safe: the bot calls it from several request threads at once.</li>
 * </ul>
 */
public interface ReleaseActions {

    Accepted deploy(Requester requester, SlashCommand.Deploy deploy) throws ReleaseActionRefusedException;

    Accepted rollback(Requester requester, SlashCommand.Rollback rollback) throws ReleaseActionRefusedException;

    Accepted build(Requester requester, SlashCommand.Build build) throws ReleaseActionRefusedException;

    Accepted cancel(Requester requester, SlashCommand.Cancel cancel) throws ReleaseActionRefusedException;
}
