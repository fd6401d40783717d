package dev.slipway.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.bot.command.CommandParser;
import dev.slipway.testkit.slack.SlackWebApiServer;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The manifest a team pastes declares what the app handles and asks for exactly the scopes the
 * bot uses: the same set the ITs' fake Slack grants, so a call needing more fails there.
 */
class ManifestTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> manifest() throws Exception {
        try (Reader reader = Files.newBufferedReader(Path.of("manifest.yml"))) {
            return new Yaml(new LoaderOptions()).load(reader);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void asksForExactlyTheScopesTheBotUses() throws Exception {
        Map<String, Object> oauth = (Map<String, Object>) manifest().get("oauth_config");
        List<String> bot = (List<String>) ((Map<String, Object>) oauth.get("scopes")).get("bot");
        assertThat(bot).containsExactlyInAnyOrderElementsOf(SlackWebApiServer.BOT_SCOPES);
        assertThat(((Map<String, Object>) oauth.get("scopes"))).doesNotContainKey("user");
    }

    @Test
    @SuppressWarnings("unchecked")
    void declaresEveryCommandOnTheOneEventsRouteWithItsUsage() throws Exception {
        Map<String, Object> features = (Map<String, Object>) manifest().get("features");
        List<Map<String, Object>> commands = (List<Map<String, Object>>) features.get("slash_commands");
        assertThat(commands).extracting(c -> c.get("command")).containsExactlyInAnyOrder((Object[]) SlipwayBot.COMMANDS);
        for (Map<String, Object> command : commands) {
            assertThat((String) command.get("url")).endsWith("/slack/events");
            String hint = (String) command.get("usage_hint");
            assertThat(CommandParser.USAGE.get((String) command.get("command"))).contains(hint);
        }
        Map<String, Object> interactivity = (Map<String, Object>) ((Map<String, Object>) manifest().get("settings")).get("interactivity");
        assertThat(interactivity.get("is_enabled")).isEqualTo(true);
        assertThat((String) interactivity.get("request_url")).endsWith("/slack/events");
    }
}
