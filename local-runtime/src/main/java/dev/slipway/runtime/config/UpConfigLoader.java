package dev.slipway.runtime.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the configuration of {@code slipway up}: defaults, then the YAML file ({@code --config}),
 * then environment variables, then command-line options; each later source overrides the earlier.
 *
 * <pre>
 * port: 8080                 # SLIPWAY_PORT
 * engine_port: 8083          # SLIPWAY_ENGINE_PORT
 * data_dir: .slipway         # SLIPWAY_DATA_DIR (relative to the file)
 * webhook_secret: s3cret     # SLIPWAY_WEBHOOK_SECRET
 * slack:
 *   signing_secret: ...      # SLIPWAY_SLACK_SIGNING_SECRET
 *   bot_token: xoxb-...      # SLIPWAY_SLACK_BOT_TOKEN
 *   api_url: https://slack.com/api/   # SLIPWAY_SLACK_API_URL
 * repositories:              # SLIPWAY_REPOSITORIES="acme/api=/src/api,acme/web=https://..."
 *   acme/api: ../api         # a path (relative to the file) or a clone URL
 * max_concurrent_builds: 2   # SLIPWAY_MAX_CONCURRENT_BUILDS (0: no limit, the default)
 * </pre>
 *
 * Anything wrong is one {@link UpConfigInvalidException} naming the source and the key.
 */
public final class UpConfigLoader {

    private static final Set<String> TOP_KEYS = Set.of("host", "port", "engine_port", "data_dir", "webhook_secret",
            "slack", "repositories", "max_concurrent_builds");
    private static final Set<String> SLACK_KEYS = Set.of("signing_secret", "bot_token", "api_url");

    /** Options given on the command line; null means "not given". */
    public record Overrides(Integer port, Path dataDir) {
        public static Overrides none() {
            return new Overrides(null, null);
        }
    }

    private UpConfigLoader() {
    }

    public static UpConfig load(Path workingDirectory, Optional<Path> file, Map<String, String> env, Overrides options) {
        Draft draft = new Draft(UpConfig.defaults(workingDirectory));
        file.ifPresent(f -> fromFile(draft, workingDirectory.resolve(f).normalize()));
        fromEnvironment(draft, workingDirectory, env);
        if (options.port() != null) {
            draft.port = options.port();
        }
        if (options.dataDir() != null) {
            draft.dataDir = workingDirectory.resolve(options.dataDir());
        }
        return draft.build();
    }

    private static void fromFile(Draft draft, Path file) {
        String source = file.toString();
        Map<String, Object> root = readYaml(file);
        Path base = file.getParent() == null ? Path.of("") : file.getParent();
        for (Map.Entry<String, Object> entry : root.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            switch (key) {
                case "host" -> draft.host = text(source, key, value);
                case "port" -> draft.port = port(source, key, value);
                case "engine_port" -> draft.enginePort = port(source, key, value);
                case "data_dir" -> draft.dataDir = base.resolve(text(source, key, value));
                case "webhook_secret" -> draft.webhookSecret = text(source, key, value);
                case "slack" -> slack(draft, source, mapping(source, key, value));
                case "repositories" -> mapping(source, key, value).forEach((name, url) ->
                        draft.repositories.put(name, cloneUrl(base, text(source, "repositories." + name, url))));
                case "max_concurrent_builds" -> draft.maxConcurrentBuilds = count(source, key, value);
                default -> throw unknown(source, key, TOP_KEYS);
            }
        }
    }

    private static void slack(Draft draft, String source, Map<String, Object> slack) {
        slack.forEach((key, value) -> {
            String path = "slack." + key;
            switch (key) {
                case "signing_secret" -> draft.slackSigningSecret = text(source, path, value);
                case "bot_token" -> draft.slackBotToken = text(source, path, value);
                case "api_url" -> draft.slackApiUrl = text(source, path, value);
                default -> throw unknown(source, path, SLACK_KEYS);
            }
        });
    }

    private static void fromEnvironment(Draft draft, Path workingDirectory, Map<String, String> env) {
        given(env, "SLIPWAY_PORT").ifPresent(v -> draft.port = port("environment variable", "SLIPWAY_PORT", v));
        given(env, "SLIPWAY_ENGINE_PORT").ifPresent(v -> draft.enginePort = port("environment variable",
                "SLIPWAY_ENGINE_PORT", v));
        given(env, "SLIPWAY_DATA_DIR").ifPresent(v -> draft.dataDir = workingDirectory.resolve(v));
        given(env, "SLIPWAY_WEBHOOK_SECRET").ifPresent(v -> draft.webhookSecret = v);
        given(env, "SLIPWAY_SLACK_SIGNING_SECRET").ifPresent(v -> draft.slackSigningSecret = v);
        given(env, "SLIPWAY_SLACK_BOT_TOKEN").ifPresent(v -> draft.slackBotToken = v);
        given(env, "SLIPWAY_SLACK_API_URL").ifPresent(v -> draft.slackApiUrl = v);
        given(env, "SLIPWAY_REPOSITORIES").ifPresent(v -> repositoryList(draft, workingDirectory, v));
        given(env, "SLIPWAY_MAX_CONCURRENT_BUILDS").ifPresent(v -> draft.maxConcurrentBuilds = count("environment variable",
                "SLIPWAY_MAX_CONCURRENT_BUILDS", v));
    }

    private static void repositoryList(Draft draft, Path workingDirectory, String list) {
        for (String item : list.split(",")) {
            String trimmed = item.trim();
            int eq = trimmed.indexOf('=');
            if (eq <= 0 || eq == trimmed.length() - 1) {
                throw new UpConfigInvalidException("environment variable SLIPWAY_REPOSITORIES", "'" + trimmed + "'",
                        "write name=url pairs separated by commas, e.g. acme/api=/src/api,acme/web=https://git.example/web.git");
            }
            draft.repositories.put(trimmed.substring(0, eq).trim(), cloneUrl(workingDirectory, trimmed.substring(eq + 1).trim()));
        }
    }

    /** A path becomes a {@code file://} URL, so the checkout and dispatch treat it like any remote. */
    static String cloneUrl(Path base, String value) {
        if (value.contains("://") || value.startsWith("git@")) {
            return value;
        }
        return base.resolve(value).toAbsolutePath().normalize().toUri().toString();
    }

    private static Map<String, Object> readYaml(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UpConfigInvalidException(file.toString(), "cannot be read (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "); check the --config path", e);
        }
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new UpConfigInvalidException(file.toString(), "is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            return Map.of();
        }
        return mapping(file.toString(), "(top level)", root);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(String source, String key, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new UpConfigInvalidException(source, key, "expected a mapping of keys to values, got " + kind(value));
        }
        for (Object k : map.keySet()) {
            if (!(k instanceof String)) {
                throw new UpConfigInvalidException(source, key, "keys must be text, got " + kind(k) + " '" + k + "'");
            }
        }
        return (Map<String, Object>) map;
    }

    private static String text(String source, String key, Object value) {
        if (value instanceof String s && !s.isBlank()) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw new UpConfigInvalidException(source, key, "expected text, got " + kind(value));
    }

    private static int port(String source, String key, Object value) {
        String text = value == null ? "" : value.toString().trim();
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below with the value.
        }
        throw new UpConfigInvalidException(source, key, "expected a port number from 0 to 65535 (0 picks a free one), got '"
                + text + "'");
    }

    private static int count(String source, String key, Object value) {
        String text = value == null ? "" : value.toString().trim();
        try {
            int count = Integer.parseInt(text);
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // Reported below with the value.
        }
        throw new UpConfigInvalidException(source, key, "expected a whole number of builds, 0 or more (0: no limit), got '"
                + text + "'");
    }

    private static UpConfigInvalidException unknown(String source, String key, Set<String> known) {
        return new UpConfigInvalidException(source, key, "unknown key; the keys here are "
                + String.join(", ", known.stream().sorted().toList()));
    }

    private static String kind(Object value) {
        if (value == null) {
            return "nothing (an empty value)";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        return "'" + value + "'";
    }

    private static Optional<String> given(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    /** The values while sources are applied; {@link #build} makes the immutable record. */
    private static final class Draft {
        String host;
        int port;
        int enginePort;
        Path dataDir;
        String webhookSecret;
        String slackSigningSecret;
        String slackBotToken;
        String slackApiUrl;
        final Map<String, String> repositories = new LinkedHashMap<>();
        int maxConcurrentBuilds = UpConfig.UNLIMITED;

        Draft(UpConfig defaults) {
            host = defaults.host();
            port = defaults.port();
            enginePort = defaults.enginePort();
            dataDir = defaults.dataDir();
            slackApiUrl = defaults.slackApiUrl();
        }

        UpConfig build() {
            return new UpConfig(host, port, enginePort, dataDir, Optional.ofNullable(webhookSecret),
                    Optional.ofNullable(slackSigningSecret), Optional.ofNullable(slackBotToken), slackApiUrl, repositories,
                    maxConcurrentBuilds);
        }
    }
}
