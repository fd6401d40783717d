package dev.slipway.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BotConfigTest {

    @Test
    void readsTheEnvironmentWithSlacksDefaults() {
        BotConfig config = BotConfig.fromEnvironment(Map.of("SLACK_SIGNING_SECRET", "s", "SLACK_BOT_TOKEN", "xoxb-1"));
        assertThat(config.botToken()).contains("xoxb-1");
        assertThat(config.methodsUrlPrefix()).isEqualTo("https://slack.com/api/");
        assertThat(config.pagesBase()).hasToString("http://localhost:8080/");
    }

    @Test
    void aBlankTokenMeansNoSlack() {
        assertThat(BotConfig.fromEnvironment(Map.of("SLACK_SIGNING_SECRET", "s", "SLACK_BOT_TOKEN", " ")).botToken()).isEmpty();
    }

    @Test
    void aMissingSigningSecretSaysWhereToFindIt() {
        assertThatThrownBy(() -> BotConfig.fromEnvironment(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SLACK_SIGNING_SECRET").hasMessageContaining("Basic Information");
    }
}
