package dev.slipway.runtime.up;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import dev.slipway.bot.app.BotConfig;
import dev.slipway.bot.app.SlackEventsHttpHandler;
import dev.slipway.bot.app.SlipwayBot;
import dev.slipway.bot.approval.ApprovalRules;
import dev.slipway.bot.approval.ApprovalService;
import dev.slipway.bot.approval.ApprovalViews;
import dev.slipway.bot.approval.SfnTaskCallbacks;
import dev.slipway.bot.approval.SlackUserGroups;
import dev.slipway.bot.approval.UserGroupDirectory;
import dev.slipway.bot.approval.UserGroupLookupException;
import dev.slipway.bot.release.Accepted;
import dev.slipway.bot.release.PipelineReleaseActions;
import dev.slipway.bot.release.ReleaseActionRefusedException;
import dev.slipway.bot.release.ReleaseActions;
import dev.slipway.bot.release.Requester;
import dev.slipway.bot.release.StoreReleaseStatus;
import dev.slipway.bot.command.SlashCommand;
import dev.slipway.core.approval.ApprovalStore;
import dev.slipway.core.build.BuildQueue;
import dev.slipway.core.build.BuildStore;
import dev.slipway.core.build.PipelineExecutions;
import dev.slipway.core.deploy.DeploymentStore;
import dev.slipway.core.ingress.DeliveryLedger;
import dev.slipway.runtime.config.UpConfig;
import java.net.URI;
import java.time.Clock;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The Slack app of the embedded runtime: the bot module's Bolt app on the same stores, queue and
 * engine as everything else, served by the bot's own HTTP adapter at {@code /slack/events}.
 */
final class BotWiring {

    /** What the bot's ports are made of here. */
    record Parts(BuildStore builds, DeploymentStore deployments, ApprovalStore approvals, DeliveryLedger ledger,
            BuildQueue queue, PipelineExecutions executions, SfnClient sfn, Clock clock) {
    }

    private BotWiring() {
    }

    static SlackEventsHttpHandler handler(UpConfig config, URI pagesBase, Parts parts) {
        BotConfig bot = new BotConfig(config.slackSigningSecret().orElseThrow(), config.slackBotToken(),
                config.slackApiUrl(), pagesBase, parts.clock());
        Slack slack = SlipwayBot.slack(bot);
        UserGroupDirectory groups = config.slackBotToken()
                .<UserGroupDirectory>map(token -> new SlackUserGroups(slack.methods(), token, parts.clock()))
                .orElse(group -> {
                    throw new UserGroupLookupException("user group " + group + " cannot be looked up: no Slack bot token"
                            + " is configured (set SLIPWAY_SLACK_BOT_TOKEN)", null);
                });
        ApprovalService approvals = new ApprovalService(parts.approvals(), new ApprovalViews(parts.builds(), pagesBase),
                new ApprovalRules(groups), new SfnTaskCallbacks(parts.sfn()), parts.clock());
        PipelineReleaseActions actions = new PipelineReleaseActions(parts.builds(), parts.queue(), parts.executions(),
                new DeployPathMissing(), parts.clock());
        StoreReleaseStatus status = new StoreReleaseStatus(parts.builds(), parts.deployments(), parts.approvals(),
                parts.clock());
        App app = SlipwayBot.create(bot, new SlipwayBot.Ports(actions, status, approvals, parts.ledger()));
        return new SlackEventsHttpHandler(app);
    }

    /**
     * {@code /deploy} and {@code /rollback} need the pipeline's deploy path (issue 6), which is not
     * wired into the embedded runtime yet: they are refused with that reason rather than pretended.
     */
    private static final class DeployPathMissing implements ReleaseActions {

        private static final String WHY = "this Slipway (slipway up) cannot deploy from Slack yet: the pipeline's"
                + " deploy functions are not wired into the embedded runtime. Push to a branch whose pipeline deploys instead.";

        @Override
        public Accepted deploy(Requester requester, SlashCommand.Deploy deploy) throws ReleaseActionRefusedException {
            throw new ReleaseActionRefusedException(WHY);
        }

        @Override
        public Accepted rollback(Requester requester, SlashCommand.Rollback rollback) throws ReleaseActionRefusedException {
            throw new ReleaseActionRefusedException(WHY);
        }

        @Override
        public Accepted build(Requester requester, SlashCommand.Build build) throws ReleaseActionRefusedException {
            throw new IllegalStateException("/build is handled by PipelineReleaseActions itself");
        }

        @Override
        public Accepted cancel(Requester requester, SlashCommand.Cancel cancel) throws ReleaseActionRefusedException {
            throw new IllegalStateException("/cancel is handled by PipelineReleaseActions itself");
        }
    }
}
