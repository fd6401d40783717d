package dev.slipway.testkit.env;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry with htpasswd auth that {@code scripts/dev-env} runs: found through the
 * {@code SLIPWAY_REGISTRY*} environment variables (CI may set them), else the
 * {@code registry.env} file the script writes under {@code $SLIPWAY_DEV_HOME} (default
 * {@code ~/.slipway-dev}).
 */
public record DevRegistry(String host, String username, String password) {

    private static final List<String> KEYS = List.of("SLIPWAY_REGISTRY", "SLIPWAY_REGISTRY_USERNAME", "SLIPWAY_REGISTRY_PASSWORD");

    public static DevRegistry load() {
        Path file = Path.of(System.getenv().getOrDefault("SLIPWAY_DEV_HOME", System.getProperty("user.home") + "/.slipway-dev"))
                .resolve("registry.env");
        Map<String, String> values = new HashMap<>();
        if (Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file)) {
                    int eq = line.indexOf('=');
                    if (eq > 0 && !line.startsWith("#")) {
                        values.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        KEYS.stream().filter(k -> System.getenv(k) != null).forEach(k -> values.put(k, System.getenv(k)));
        if (!values.keySet().containsAll(KEYS)) {
            throw new IllegalStateException("no dev registry settings: run scripts/dev-env (it writes " + file
                    + ") or set " + KEYS);
        }
        return new DevRegistry(values.get(KEYS.get(0)), values.get(KEYS.get(1)), values.get(KEYS.get(2)));
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }

    @Override
    public String toString() {
        return "DevRegistry[" + username + "@" + host + "]";
    }
}
