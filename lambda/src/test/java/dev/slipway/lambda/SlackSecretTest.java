package dev.slipway.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.bot.app.BotConfig;
import dev.slipway.core.secret.SecretStore;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlackSecretTest {

    private static final String ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:slipway/slack-AbCdEf";
    private static final Map<String, String> ENV = Map.of(SlackSecret.ARN_VARIABLE, ARN,
            "SLIPWAY_PAGES_URL", "https://ci.example.com/");

    private static SecretStore holding(String value) {
        return name -> name.equals(ARN) ? Optional.of(value) : Optional.empty();
    }

    @Test
    void readsBothCredentialsIntoTheBotConfiguration() {
        SlackSecret secret = SlackSecret.load(ENV, holding("{\"botToken\": \"xoxb-1\", \"signingSecret\": \"s3cret\"}"));

        BotConfig config = secret.botConfig(ARN, ENV, Clock.systemUTC());

        assertThat(config.signingSecret()).isEqualTo("s3cret");
        assertThat(config.botToken()).contains("xoxb-1");
        assertThat(config.pagesBase()).hasToString("https://ci.example.com/");
        assertThat(config.methodsUrlPrefix()).isEqualTo(BotConfig.SLACK_API);
    }

    @Test
    void theSecretTheStackCreatesHasNeitherYet() {
        SlackSecret secret = SlackSecret.load(ENV, holding("{\"botToken\": \"\", \"signingSecret\": \"\"}"));

        assertThat(secret.botToken()).isEmpty();
        assertThat(secret.signingSecret()).isEmpty();
        assertThatThrownBy(() -> secret.botConfig(ARN, ENV, Clock.systemUTC()))
                .isInstanceOf(SlackSecretInvalidException.class)
                .hasMessageContaining(ARN).hasMessageContaining("has no signingSecret");
    }

    @Test
    void aMissingVariableSecretOrMalformedValueSaysWhichAndWhatToStore() {
        assertThatThrownBy(() -> SlackSecret.load(Map.of(), holding("{}")))
                .hasMessageContaining("SLACK_SECRET_ARN is not set");
        assertThatThrownBy(() -> SlackSecret.load(ENV, name -> Optional.empty()))
                .hasMessageContaining(ARN + " does not exist");
        assertThatThrownBy(() -> SlackSecret.load(ENV, holding("xoxb-just-a-token")))
                .hasMessageContaining(ARN + " is not JSON").hasMessageContaining("{\"botToken\"");
        assertThatThrownBy(() -> SlackSecret.load(ENV, holding("[\"xoxb\"]")))
                .hasMessageContaining("is not a JSON object");
        assertThatThrownBy(() -> SlackSecret.load(ENV, holding("{\"botToken\": 12}")))
                .hasMessageContaining("\"botToken\" must be a string");
    }
}
