package dev.slipway.runtime.up;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The local registry's login for image builds: from the environment, or else from the
 * {@code registry.env} that {@code scripts/dev-env} writes ({@code $SLIPWAY_DEV_HOME}, by default
 * {@code ~/.slipway-dev}), so that {@code slipway up} and {@code slipway run} push images right
 * after the set-up script.
 */
final class RegistryLogin {

    private RegistryLogin() {
    }

    /** The environment with the registry login added when it was missing and the file has it. */
    static Map<String, String> complete(Map<String, String> env) {
        if (SlipwayUp.REGISTRY_SECRETS.stream().allMatch(env::containsKey)) {
            return env;
        }
        String home = env.getOrDefault("SLIPWAY_DEV_HOME", System.getProperty("user.home") + "/.slipway-dev");
        Path file = Path.of(home, "registry.env");
        if (!Files.isReadable(file)) {
            return env;
        }
        Map<String, String> completed = new HashMap<>(env);
        try {
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    completed.putIfAbsent(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the registry login in " + file + "; check its permissions", e);
        }
        return completed;
    }
}
