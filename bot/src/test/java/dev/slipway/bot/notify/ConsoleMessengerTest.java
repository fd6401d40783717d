package dev.slipway.bot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.bot.message.SlackContent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleMessengerTest {

    @Test
    void withoutATokenMessagesGoToTheConsoleAndALogFile(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Path log = dir.resolve("logs/notifications.log");
        ConsoleMessenger messenger = new ConsoleMessenger(new PrintStream(console, true, StandardCharsets.UTF_8), log,
                Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));

        MessageRef build = messenger.post("#deploys", new SlackContent("api #42 running", List.of()));
        messenger.update(build, new SlackContent("api #42\nsucceeded", List.of()));
        MessageRef reply = messenger.reply(build, new SlackContent("deploy failed", List.of()));

        assertThat(reply).isNotEqualTo(build);
        assertThat(reply.channel()).isEqualTo("#deploys");
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("#deploys", build.ts(), "post", "api #42 running");
        assertThat(lines.get(1)).contains(build.ts(), "update", "api #42 succeeded");
        assertThat(lines.get(2)).contains(build.ts(), "reply", "deploy failed");
        assertThat(console.toString(StandardCharsets.UTF_8).lines()).containsExactlyElementsOf(lines);
    }
}
