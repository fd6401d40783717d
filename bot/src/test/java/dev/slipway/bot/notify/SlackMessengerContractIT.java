package dev.slipway.bot.notify;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.slipway.testkit.slack.SlackCall;
import dev.slipway.testkit.slack.SlackWebApiServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

class SlackMessengerContractIT extends MessengerContract {

    private final SlackWebApiServer slack = SlackWebApiServer.start()
            .token("xoxb-contract", SlackWebApiServer.BOT_SCOPES, "U0SLIPWAY").channel("C0DEPLOYS", "deploys")
            .postingInterval(Duration.ofMillis(100));
    private final SlackMessenger messenger;

    SlackMessengerContractIT() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.methodsUrlPrefix());
        messenger = new SlackMessenger(Slack.getInstance(config).methods(), "xoxb-contract", Duration.ofMillis(150));
    }

    @AfterEach
    void close() {
        slack.close();
    }

    @Override
    Messenger messenger() {
        return messenger;
    }

    @Override
    String channel() {
        return "#deploys";
    }

    @Override
    String channelId() {
        return "C0DEPLOYS";
    }

    /** What Slack accepted, in order: posts and replies, and updates. */
    @Override
    List<String> delivered() {
        return slack.calls().stream().filter(SlackCall::ok).map(c -> c.params().get("text")).toList();
    }
}
