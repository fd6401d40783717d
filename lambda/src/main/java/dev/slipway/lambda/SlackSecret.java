package dev.slipway.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.bot.app.BotConfig;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.core.secret.SecretStore;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The Slack app's credentials as the stack keeps them: one Secrets Manager secret
 * ({@code SLACK_SECRET_ARN}, {@code <stack>/slack} in template.yaml) holding
 * {@code {"botToken": "xoxb-…", "signingSecret": "…"}}. The stack creates it with both empty, so an
 * empty value means "Slack not set up yet": the bot cannot verify requests without the signing
 * secret and refuses to start; the pipeline functions post nowhere without the bot token.
 *
 * @param botToken      the bot token, empty until the Slack app is installed
 * @param signingSecret the signing secret, empty until the Slack app is created
 */
public record SlackSecret(Optional<String> botToken, Optional<String> signingSecret) {

    public static final String ARN_VARIABLE = "SLACK_SECRET_ARN";

    /** Reads the secret {@code SLACK_SECRET_ARN} names; a missing variable, secret or malformed value is an error naming it. */
    public static SlackSecret load(Map<String, String> env, SecretStore secrets) {
        String arn = env.get(ARN_VARIABLE);
        if (arn == null || arn.isBlank()) {
            throw new SlackSecretInvalidException(ARN_VARIABLE + " is not set: it names the Secrets Manager secret holding"
                    + " {\"botToken\", \"signingSecret\"} (template.yaml sets it to the stack's <stack>/slack secret)");
        }
        String value = secrets.lookup(arn).orElseThrow(() -> new SlackSecretInvalidException("the Slack secret " + arn
                + " does not exist or has no value: create it with {\"botToken\": \"xoxb-…\", \"signingSecret\": \"…\"}"));
        return parse(arn, value);
    }

    static SlackSecret parse(String arn, String value) {
        JsonNode json;
        try {
            json = SlipwayJson.mapper().readTree(value);
        } catch (JsonProcessingException e) {
            throw new SlackSecretInvalidException("the Slack secret " + arn + " is not JSON (line "
                    + e.getLocation().getLineNr() + "): store {\"botToken\": \"xoxb-…\", \"signingSecret\": \"…\"}", e);
        }
        if (json == null || !json.isObject()) {
            throw new SlackSecretInvalidException("the Slack secret " + arn
                    + " is not a JSON object: store {\"botToken\": \"xoxb-…\", \"signingSecret\": \"…\"}");
        }
        return new SlackSecret(text(json, "botToken", arn), text(json, "signingSecret", arn));
    }

    private static Optional<String> text(JsonNode json, String field, String arn) {
        JsonNode node = json.get(field);
        if (node != null && !node.isNull() && !node.isTextual()) {
            throw new SlackSecretInvalidException("the Slack secret " + arn + ": \"" + field + "\" must be a string");
        }
        return Optional.ofNullable(node).filter(JsonNode::isTextual).map(JsonNode::asText).map(String::strip)
                .filter(s -> !s.isEmpty());
    }

    /**
     * The bot's configuration: these credentials, with {@code SLACK_API_URL} and {@code SLIPWAY_PAGES_URL}
     * from the environment as {@link BotConfig#fromEnvironment} reads them.
     */
    public BotConfig botConfig(String arn, Map<String, String> env, Clock clock) {
        String secret = signingSecret.orElseThrow(() -> new SlackSecretInvalidException("the Slack secret " + arn
                + " has no signingSecret: copy it from the Slack app's Basic Information page into the secret"
                + " (see docs/aws.md); until then no request from Slack can be verified"));
        return new BotConfig(secret, botToken, env.getOrDefault("SLACK_API_URL", BotConfig.SLACK_API),
                URI.create(env.getOrDefault("SLIPWAY_PAGES_URL", "http://localhost:8080/")), clock);
    }
}
