package dev.slipway.lambda;

import dev.slipway.bot.command.SlashCommand;
import dev.slipway.bot.release.Accepted;
import dev.slipway.bot.release.ReleaseActionRefusedException;
import dev.slipway.bot.release.ReleaseActions;
import dev.slipway.bot.release.Requester;

/**
 * {@code /deploy} and {@code /rollback} from Slack: main has no {@link ReleaseActions} that starts
 * a deploy-only pipeline execution yet, so they are refused with that reason rather than pretended.
 * {@link dev.slipway.bot.release.PipelineReleaseActions} handles {@code /build} and {@code /cancel}
 * itself and never calls those two here.
 */
final class SlackDeployUnavailable implements ReleaseActions {

    static final String WHY = "Slipway cannot deploy or roll back from Slack yet: push to a branch whose pipeline"
            + " deploys, or approve the deploy the pipeline asks for.";

    @Override
    public Accepted deploy(Requester requester, SlashCommand.Deploy deploy) throws ReleaseActionRefusedException {
        throw new ReleaseActionRefusedException(WHY);
    }

    @Override
    public Accepted rollback(Requester requester, SlashCommand.Rollback rollback) throws ReleaseActionRefusedException {
        throw new ReleaseActionRefusedException(WHY);
    }

    @Override
    public Accepted build(Requester requester, SlashCommand.Build build) {
        throw new IllegalStateException("/build is handled by PipelineReleaseActions itself");
    }

    @Override
    public Accepted cancel(Requester requester, SlashCommand.Cancel cancel) {
        throw new IllegalStateException("/cancel is handled by PipelineReleaseActions itself");
    }
}
