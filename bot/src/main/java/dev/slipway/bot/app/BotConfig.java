package dev.slipway.bot.app;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * How the bot is set up.
 *
 * @param signingSecret     the Slack app's signing secret: every request is verified with it
 * @param botToken          the bot token ({@code xoxb-…}); empty when Slack is not configured
 * @param methodsUrlPrefix  Slack's Web API base, {@code https://slack.com/api/} unless pointed elsewhere (tests)
 * @param pagesBase         where build pages live ({@code <base>/builds/<id>})
 * @param clock             the time for approvals and de-duplication
 */
public record BotConfig(String signingSecret, Optional<String> botToken, String methodsUrlPrefix, URI pagesBase, Clock clock) {

    public static final String SLACK_API = "https://slack.com/api/";

    public BotConfig {
        if (signingSecret == null || signingSecret.isBlank()) {
            throw new IllegalArgumentException("SLACK_SIGNING_SECRET is not set: copy it from the Slack app's"
                    + " Basic Information page; without it no request from Slack can be verified");
        }
    }

    /**
     * From the environment: {@code SLACK_SIGNING_SECRET} (required), {@code SLACK_BOT_TOKEN},
     * {@code SLACK_API_URL} (default Slack's), {@code SLIPWAY_PAGES_URL} (default {@code http://localhost:8080/}).
     */
    public static BotConfig fromEnvironment(Map<String, String> env) {
        return new BotConfig(env.get("SLACK_SIGNING_SECRET"),
                Optional.ofNullable(env.get("SLACK_BOT_TOKEN")).filter(t -> !t.isBlank()),
                env.getOrDefault("SLACK_API_URL", SLACK_API),
                URI.create(env.getOrDefault("SLIPWAY_PAGES_URL", "http://localhost:8080/")),
                Clock.systemUTC());
    }
}
