package dev.slipway.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UpConfigLoaderTest {

    private static final Path CWD = Path.of("/work/project");
    private static final Path CONFIGS = Path.of("src/test/resources/up/configs").toAbsolutePath();

    private static UpConfig load(String file, Map<String, String> env, UpConfigLoader.Overrides options) {
        return UpConfigLoader.load(CWD, Optional.ofNullable(file).map(CONFIGS::resolve), env, options);
    }

    @Test
    void withNothingGivenTheDefaultsApply() {
        UpConfig config = load(null, Map.of(), UpConfigLoader.Overrides.none());

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.enginePort()).isEqualTo(8083);
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.dataDir()).isEqualTo(CWD.resolve(".slipway"));
        assertThat(config.webhookSecret()).isEmpty();
        assertThat(config.slackApiUrl()).isEqualTo("https://slack.com/api/");
        assertThat(config.repositories()).isEmpty();
        assertThat(config.maxConcurrentBuilds()).isEqualTo(UpConfig.UNLIMITED);
    }

    @Test
    void theFileSetsEveryKeyWithPathsRelativeToItself() {
        UpConfig config = load("full.yml", Map.of(), UpConfigLoader.Overrides.none());

        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.enginePort()).isEqualTo(9093);
        assertThat(config.dataDir()).isEqualTo(CONFIGS.resolve("state"));
        assertThat(config.webhookSecret()).contains("from-file");
        assertThat(config.slackSigningSecret()).contains("signing-from-file");
        assertThat(config.slackBotToken()).contains("xoxb-from-file");
        assertThat(config.slackApiUrl()).isEqualTo("http://127.0.0.1:9999/api/");
        assertThat(config.cloneUrl("acme/api")).contains(CONFIGS.resolveSibling("checkouts/api").normalize().toUri().toString());
        assertThat(config.cloneUrl("acme/web")).contains("https://git.example.com/acme/web.git");
        assertThat(config.maxConcurrentBuilds()).isEqualTo(3);
    }

    @Test
    void theEnvironmentSetsTheBuildLimit() {
        UpConfig config = load("full.yml", Map.of("SLIPWAY_MAX_CONCURRENT_BUILDS", "2"), UpConfigLoader.Overrides.none());

        assertThat(config.maxConcurrentBuilds()).isEqualTo(2);
    }

    @Test
    void environmentOverridesTheFileAndOptionsOverrideBoth() {
        Map<String, String> env = Map.of("SLIPWAY_WEBHOOK_SECRET", "from-env", "SLIPWAY_SLACK_SIGNING_SECRET", "s-env",
                "SLIPWAY_SLACK_BOT_TOKEN", "xoxb-env", "SLIPWAY_SLACK_API_URL", "http://fake/api/",
                "SLIPWAY_DATA_DIR", "env-data", "SLIPWAY_PORT", "7070",
                "SLIPWAY_REPOSITORIES", "acme/api=/src/api, acme/cli=https://git.example.com/cli.git");

        UpConfig fromEnv = load("full.yml", env, UpConfigLoader.Overrides.none());
        UpConfig fromOptions = load("full.yml", env, new UpConfigLoader.Overrides(0, Path.of("opt-data")));

        assertThat(fromEnv.webhookSecret()).contains("from-env");
        assertThat(fromEnv.slackSigningSecret()).contains("s-env");
        assertThat(fromEnv.slackBotToken()).contains("xoxb-env");
        assertThat(fromEnv.slackApiUrl()).isEqualTo("http://fake/api/");
        assertThat(fromEnv.dataDir()).isEqualTo(CWD.resolve("env-data"));
        assertThat(fromEnv.port()).isEqualTo(7070);
        assertThat(fromEnv.repositories()).containsEntry("acme/api", "file:///src/api")
                .containsEntry("acme/cli", "https://git.example.com/cli.git")
                .containsEntry("acme/web", "https://git.example.com/acme/web.git");
        assertThat(fromOptions.port()).isZero();
        assertThat(fromOptions.dataDir()).isEqualTo(CWD.resolve("opt-data"));
    }

    @Test
    void secretsStayOutOfToString() {
        UpConfig config = load("full.yml", Map.of(), UpConfigLoader.Overrides.none());

        assertThat(config.toString()).doesNotContain("from-file", "signing-from-file", "xoxb-from-file").contains("***");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "unknown-key.yml       | webhook_secrets: unknown key; the keys here are data_dir, engine_port, host, max_concurrent_builds, port, repositories, slack, webhook_secret",
        "negative-limit.yml    | max_concurrent_builds: expected a whole number of builds, 0 or more (0: no limit), got '-2'",
        "unknown-slack-key.yml | slack.token: unknown key; the keys here are api_url, bot_token, signing_secret",
        "bad-port.yml          | port: expected a port number from 0 to 65535 (0 picks a free one), got 'eighty'",
        "list-secret.yml       | webhook_secret: expected text, got a list",
        "repositories-list.yml | repositories: expected a mapping of keys to values, got a list",
        "not-yaml.yml          | is not valid YAML",
        "missing.yml           | cannot be read (NoSuchFileException"})
    void aBadFileIsOneErrorNamingTheFileAndTheKey(String file, String message) {
        // message: what follows "<file>: ", from the key on
        assertThatThrownBy(() -> load(file, Map.of(), UpConfigLoader.Overrides.none()))
                .isInstanceOf(UpConfigInvalidException.class)
                .hasMessageStartingWith(CONFIGS.resolve(file) + ": " + message);
    }

    @Test
    void aBadEnvironmentValueNamesTheVariable() {
        assertThatThrownBy(() -> load(null, Map.of("SLIPWAY_PORT", "-1"), UpConfigLoader.Overrides.none()))
                .hasMessage("environment variable: SLIPWAY_PORT: expected a port number from 0 to 65535 (0 picks a free one), got '-1'");
        assertThatThrownBy(() -> load(null, Map.of("SLIPWAY_REPOSITORIES", "acme/api"), UpConfigLoader.Overrides.none()))
                .hasMessageStartingWith("environment variable SLIPWAY_REPOSITORIES: 'acme/api': write name=url pairs");
        assertThatThrownBy(() -> load(null, Map.of("SLIPWAY_MAX_CONCURRENT_BUILDS", "two"), UpConfigLoader.Overrides.none()))
                .hasMessage("environment variable: SLIPWAY_MAX_CONCURRENT_BUILDS: expected a whole number of builds, 0 or more"
                        + " (0: no limit), got 'two'");
    }
}
