package dev.slipway.bot.notify;

import dev.slipway.bot.app.BotConfig;
import dev.slipway.bot.app.SlipwayBot;
import java.nio.file.Path;

/** Picks where messages go: Slack when a bot token is configured, else the console and a log file. */
public final class Messengers {

    private Messengers() {
    }

    /** @param logFile where the console messenger appends its lines when there is no token */
    public static Messenger forConfig(BotConfig config, Path logFile) {
        return config.botToken()
                .<Messenger>map(token -> new SlackMessenger(SlipwayBot.slack(config).methods(), token, SlackMessenger.SLACK_PACE))
                .orElseGet(() -> new ConsoleMessenger(System.out, logFile, config.clock()));
    }
}
