package dev.slipway.bot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.bot.app.BotConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessengersTest {

    @Test
    void withoutATokenMessagesGoToTheConsoleWithOneToSlack() {
        BotConfig local = new BotConfig("secret", Optional.empty(), BotConfig.SLACK_API, URI.create("http://localhost:8080/"), Clock.systemUTC());
        assertThat(Messengers.forConfig(local, Path.of("target/notifications.log"))).isInstanceOf(ConsoleMessenger.class);
        BotConfig slack = new BotConfig("secret", Optional.of("xoxb-1"), BotConfig.SLACK_API, URI.create("http://localhost:8080/"), Clock.systemUTC());
        assertThat(Messengers.forConfig(slack, Path.of("target/notifications.log"))).isInstanceOf(SlackMessenger.class);
    }
}
