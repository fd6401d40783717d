package dev.slipway.core.lint;

import dev.slipway.core.pipeline.Variables;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Environment variables and build args: valid names, plain values, no secrets written inline.
 * A value may use {@code ${NAME}} of a listed secret, a top-level env value or a build variable.
 */
final class EnvReader {

    private EnvReader() {
    }

    /** The variables under {@code key}, or an empty map when the key is absent. */
    static Map<String, String> read(MappingReader parent, String key) {
        return parent.mapping(key, null).map(env -> read(env, true)).orElse(Map.of());
    }

    /**
     * The env of a service container. A throwaway database started for the tests needs a password
     * ({@code POSTGRES_PASSWORD: test}) that protects nothing, so names alone raise no warning
     * here; token-shaped values still are errors.
     */
    static Map<String, String> readForServiceContainer(MappingReader container) {
        return container.mapping("env", null).map(env -> read(env, false)).orElse(Map.of());
    }

    private static Map<String, String> read(MappingReader env, boolean warnOnSecretNames) {
        Problems problems = env.problems();
        Map<String, String> values = new LinkedHashMap<>();
        for (MappingReader.Entry entry : env.entries()) {
            String path = env.pathOf(entry.key());
            if (!Formats.isEnvName(entry.key())) {
                problems.error(entry.keyNode(), path, "invalid-name", "`" + entry.key()
                        + "` is not a valid variable name",
                        "use letters, digits and '_', not starting with a digit, e.g. "
                                + entry.key().replaceAll("[^A-Za-z0-9_]", "_").replaceAll("^([0-9])", "_$1"));
                continue;
            }
            Optional<String> value = Values.text(entry.value(), path, problems);
            value.ifPresent(v -> {
                values.put(entry.key(), v);
                Variables.names(v).forEach(name -> problems.referenced(entry.value(), path, name));
                boolean tokenShaped = SecretPatterns.tokenShape(v).isPresent(); // already an error
                if (warnOnSecretNames && !tokenShaped && SecretPatterns.looksLikeInlineSecret(entry.key(), v)) {
                    problems.warning(entry.value(), path, "inline-secret", "`" + entry.key()
                            + "` looks like a secret written into the file",
                            "if it is a real secret, add its name to `secrets:` and remove it here;"
                                    + " to use another name, write `" + entry.key() + ": ${SECRET_NAME}`");
                }
            });
        }
        return values;
    }
}
