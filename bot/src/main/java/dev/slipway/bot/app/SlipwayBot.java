package dev.slipway.bot.app;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.slipway.bot.approval.ApprovalService;
import dev.slipway.bot.message.ApprovalMessages;
import dev.slipway.bot.release.ReleaseActions;
import dev.slipway.bot.release.ReleaseStatus;
import dev.slipway.core.approval.ApprovalDecision.Verdict;
import dev.slipway.core.ingress.DeliveryLedger;

/**
 * The Slack app: Bolt with its request verification (signing secret, 5-minute timestamp window)
 * first, then the retry guard, then Slipway's commands and approval buttons. Runtime adapters (the
 * Lambda handler, the local HTTP server) only turn HTTP into Bolt requests and back.
 */
public final class SlipwayBot {

    public static final String[] COMMANDS = {"/deploy", "/rollback", "/build", "/status", "/cancel", "/slipway"};

    private SlipwayBot() {
    }

    /** The ports the bot drives. */
    public record Ports(ReleaseActions actions, ReleaseStatus status, ApprovalService approvals, DeliveryLedger ledger) {
    }

    public static App create(BotConfig config, Ports ports) {
        App app = new App(appConfig(config));
        app.use(new RetryGuard(ports.ledger(), config.clock()));
        CommandHandler commands = new CommandHandler(ports.actions(), ports.status());
        for (String command : COMMANDS) {
            app.command(command, commands);
        }
        app.blockAction(ApprovalMessages.APPROVE_ACTION, new ApprovalActionHandler(ports.approvals(), Verdict.APPROVE));
        app.blockAction(ApprovalMessages.REJECT_ACTION, new ApprovalActionHandler(ports.approvals(), Verdict.REJECT));
        return app;
    }

    /** A Slack client for {@code methodsUrlPrefix}; shared by the app and the notifier. */
    public static Slack slack(BotConfig config) {
        return slack(config.methodsUrlPrefix());
    }

    /** The same client for code that posts but verifies no requests (it has no signing secret). */
    public static Slack slack(String methodsUrlPrefix) {
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(methodsUrlPrefix);
        // No background metrics thread: in a Lambda it would outlive every request.
        slackConfig.setStatsEnabled(false);
        return Slack.getInstance(slackConfig);
    }

    static AppConfig appConfig(BotConfig config) {
        AppConfig appConfig = AppConfig.builder()
                .signingSecret(config.signingSecret())
                .singleTeamBotToken(config.botToken().orElse(null))
                .slack(slack(config))
                .build();
        // auth.test answers the same for the bot token's lifetime; checking it on every request
        // would spend Slack's 3 seconds on a round trip.
        appConfig.setAuthTestCacheEnabled(true);
        appConfig.setAuthTestCacheExpirationMillis(3_600_000L);
        return appConfig;
    }
}
