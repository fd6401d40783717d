package dev.slipway.lambda;

import dev.slipway.bot.app.BotConfig;
import dev.slipway.bot.app.SlipwayBot;
import dev.slipway.bot.lambda.SlackEventsLambda;
import dev.slipway.functions.wiring.Wiring;
import java.time.Clock;
import java.util.Map;
import org.crac.Core;

/**
 * The bot's Lambda handler in the stack ({@code BotFunction}): the bot's own Lambda adapter, with
 * its credentials from the Slack secret and its ports on the stack's tables, queue and state
 * machine. Everything is built in the constructor, during Lambda's init phase, so SnapStart's
 * snapshot holds it ready, primed by one request ({@link SlackPriming}).
 */
public class BotLambda extends SlackEventsLambda {

    /** Held here: CRaC's global context may keep its resources only weakly. */
    private final SlackPriming priming;

    public BotLambda() {
        this(System.getenv());
        Core.getGlobalContext().register(priming);
    }

    BotLambda(Map<String, String> env) {
        this(config(env), env);
    }

    private BotLambda(BotConfig config, Map<String, String> env) {
        super(SlipwayBot.create(config, new AwsBotPorts(env).ports(config)));
        this.priming = new SlackPriming(this, config.signingSecret(), config.clock());
    }

    private static BotConfig config(Map<String, String> env) {
        SlackSecret secret = SlackSecret.load(env, Wiring.from(env).secretStore());
        return secret.botConfig(env.get(SlackSecret.ARN_VARIABLE), env, Clock.systemUTC());
    }

    SlackPriming priming() {
        return priming;
    }
}
