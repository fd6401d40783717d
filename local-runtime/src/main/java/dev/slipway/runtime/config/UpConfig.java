package dev.slipway.runtime.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code slipway up} runs with, after the config file, the environment and the command line
 * were merged (in that order, later wins). Secrets are kept out of {@link #toString}.
 *
 * @param host               the address the HTTP front and the engine bind to
 * @param port               the HTTP front's port (0: a free one)
 * @param enginePort         the Step Functions API's port (0: a free one)
 * @param dataDir            where every record lives: tables, executions, logs, artifacts
 * @param webhookSecret      the secret SCM webhooks are signed with; empty: webhooks are refused
 * @param slackSigningSecret the Slack app's signing secret; empty: {@code /slack/events} is refused
 * @param slackBotToken      the bot token; empty: messages go to the console and a file
 * @param slackApiUrl        Slack's Web API base ({@code https://slack.com/api/} unless a test points elsewhere)
 * @param repositories       repository full name ({@code acme/api}) to the URL or path to clone it from
 * @param maxConcurrentBuilds how many builds may run at once; the queue holds the rest ({@link #UNLIMITED}: no limit)
 */
public record UpConfig(
        String host,
        int port,
        int enginePort,
        Path dataDir,
        Optional<String> webhookSecret,
        Optional<String> slackSigningSecret,
        Optional<String> slackBotToken,
        String slackApiUrl,
        Map<String, String> repositories,
        int maxConcurrentBuilds) {

    public static final String SLACK_API = "https://slack.com/api/";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_ENGINE_PORT = 8083;
    public static final int UNLIMITED = 0;

    public UpConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "data directory");
        webhookSecret = Objects.requireNonNull(webhookSecret).filter(s -> !s.isBlank());
        slackSigningSecret = Objects.requireNonNull(slackSigningSecret).filter(s -> !s.isBlank());
        slackBotToken = Objects.requireNonNull(slackBotToken).filter(s -> !s.isBlank());
        slackApiUrl = slackApiUrl == null || slackApiUrl.isBlank() ? SLACK_API
                : slackApiUrl.endsWith("/") ? slackApiUrl : slackApiUrl + "/";
        repositories = Map.copyOf(repositories == null ? Map.of() : repositories);
        dataDir = dataDir.toAbsolutePath().normalize();
        if (maxConcurrentBuilds < 0) {
            throw new IllegalArgumentException("max concurrent builds must be 0 (no limit) or more, got " + maxConcurrentBuilds);
        }
    }

    /** Without a limit on concurrent builds. */
    public UpConfig(String host, int port, int enginePort, Path dataDir, Optional<String> webhookSecret,
            Optional<String> slackSigningSecret, Optional<String> slackBotToken, String slackApiUrl,
            Map<String, String> repositories) {
        this(host, port, enginePort, dataDir, webhookSecret, slackSigningSecret, slackBotToken, slackApiUrl, repositories,
                UNLIMITED);
    }

    /** The defaults: loopback, port 8080, engine on 8083, data in {@code .slipway} of the working directory. */
    public static UpConfig defaults(Path workingDirectory) {
        return new UpConfig("127.0.0.1", DEFAULT_PORT, DEFAULT_ENGINE_PORT, workingDirectory.resolve(".slipway"),
                Optional.empty(), Optional.empty(), Optional.empty(), SLACK_API, Map.of());
    }

    /** The clone URL configured for {@code fullName}, if any. */
    public Optional<String> cloneUrl(String fullName) {
        return Optional.ofNullable(repositories.get(fullName));
    }

    @Override
    public String toString() {
        return "UpConfig[host=" + host + ", port=" + port + ", enginePort=" + enginePort + ", dataDir=" + dataDir
                + ", webhookSecret=" + shown(webhookSecret) + ", slackSigningSecret=" + shown(slackSigningSecret)
                + ", slackBotToken=" + shown(slackBotToken) + ", slackApiUrl=" + slackApiUrl
                + ", repositories=" + repositories + ", maxConcurrentBuilds=" + maxConcurrentBuilds + "]";
    }

    private static String shown(Optional<String> secret) {
        return secret.isPresent() ? "***" : "(none)";
    }
}
