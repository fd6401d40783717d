package dev.slipway.bot.app;

import com.slack.api.methods.MethodsClient;
import java.net.URI;
import java.util.Optional;

/** A Slack client pointed at a harness's fake Slack, as the notifier gets one in production. */
final class SlipwayBotTestSupport {

    private SlipwayBotTestSupport() {
    }

    static MethodsClient methods(BotHarness bot) {
        return SlipwayBot.slack(new BotConfig(BotHarness.SECRET, Optional.of(BotHarness.TOKEN), bot.slack.methodsUrlPrefix(),
                URI.create("http://localhost:8080/"), bot.clock)).methods();
    }
}
