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
import dev.slipway.bot.release.ChatReleases;
import dev.slipway.bot.release.PipelineReleaseActions;
import dev.slipway.bot.release.ReleaseLookup;
import dev.slipway.bot.release.StoreReleaseStatus;
import dev.slipway.core.approval.ApprovalStore;
import dev.slipway.core.build.BuildQueue;
import dev.slipway.core.build.BuildStore;
import dev.slipway.core.build.PipelineExecutions;
import dev.slipway.core.deploy.DeploymentStore;
import dev.slipway.core.dispatch.PipelineSource;
import dev.slipway.core.ingress.DeliveryLedger;
import dev.slipway.runtime.config.UpConfig;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The Slack app of the embedded runtime: the bot module's Bolt app on the same stores, queue and
 * engine as everything else, served by the bot's own HTTP adapter at {@code /slack/events}.
 */
final class BotWiring {

    /** What the bot's ports are made of here. */
    record Parts(BuildStore builds, DeploymentStore deployments, ApprovalStore approvals, DeliveryLedger ledger,
            BuildQueue queue, PipelineExecutions executions, SfnClient sfn, PipelineSource pipelines, Clock clock) {
    }

    private BotWiring() {
    }

    /**
     * The approval rules and callbacks a button click goes through; {@code slipway approve|reject}
     * ({@link ApprovalsApi}) goes through the same, with or without Slack.
     */
    static ApprovalService approvals(UpConfig config, URI pagesBase, Parts parts) {
        BotConfig bot = new BotConfig(config.slackSigningSecret().orElse("unused-without-slack"), config.slackBotToken(),
                config.slackApiUrl(), pagesBase, parts.clock());
        Slack slack = SlipwayBot.slack(bot);
        UserGroupDirectory groups = config.slackBotToken()
                .<UserGroupDirectory>map(token -> new SlackUserGroups(slack.methods(), token, parts.clock()))
                .orElse(group -> {
                    throw new UserGroupLookupException("user group " + group + " cannot be looked up: no Slack bot token"
                            + " is configured (set SLIPWAY_SLACK_BOT_TOKEN)", null);
                });
        return new ApprovalService(parts.approvals(), new ApprovalViews(parts.builds(), pagesBase),
                new ApprovalRules(groups), new SfnTaskCallbacks(parts.sfn()), parts.clock());
    }

    static SlackEventsHttpHandler handler(UpConfig config, URI pagesBase, Parts parts) {
        BotConfig bot = new BotConfig(config.slackSigningSecret().orElseThrow(), config.slackBotToken(),
                config.slackApiUrl(), pagesBase, parts.clock());
        ApprovalService approvals = approvals(config, pagesBase, parts);
        PipelineReleaseActions actions = new PipelineReleaseActions(parts.builds(), parts.queue(), parts.executions(),
                new ChatReleases(new ReleaseLookup(parts.builds(), parts.deployments()), parts.queue(),
                        Optional.of(parts.pipelines()), parts.clock()),
                parts.clock());
        StoreReleaseStatus status = new StoreReleaseStatus(parts.builds(), parts.deployments(), parts.approvals(),
                parts.clock());
        App app = SlipwayBot.create(bot, new SlipwayBot.Ports(actions, status, approvals, parts.ledger()));
        return new SlackEventsHttpHandler(app);
    }
}
