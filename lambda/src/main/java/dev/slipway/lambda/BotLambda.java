package dev.slipway.lambda;

import com.slack.api.bolt.App;
import dev.slipway.bot.app.BotConfig;
import dev.slipway.bot.app.SlipwayBot;
import dev.slipway.bot.lambda.SlackEventsLambda;
import dev.slipway.functions.wiring.Wiring;
import java.time.Clock;
import java.util.Map;

/**
 * The bot's Lambda handler in the stack ({@code BotFunction}): the bot's own Lambda adapter, with
 * its credentials from the Slack secret and its ports on the stack's tables, queue and state
 * machine. Everything is built in the constructor, during Lambda's init phase, so SnapStart's
 * snapshot holds it ready.
 */
public class BotLambda extends SlackEventsLambda {

    public BotLambda() {
        this(System.getenv());
    }

    BotLambda(Map<String, String> env) {
        super(app(env));
    }

    static App app(Map<String, String> env) {
        SlackSecret secret = SlackSecret.load(env, Wiring.from(env).secretStore());
        BotConfig config = secret.botConfig(env.get(SlackSecret.ARN_VARIABLE), env, Clock.systemUTC());
        return SlipwayBot.create(config, new AwsBotPorts(env).ports(config));
    }
}
