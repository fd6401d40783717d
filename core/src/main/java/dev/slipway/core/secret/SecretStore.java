package dev.slipway.core.secret;

import java.util.Optional;

/**
 * Looks up secret values by name (Secrets Manager in the cloud, a local file or map on one
 * machine). Implementations are thread-safe; looking up the same name twice is harmless.
 */
@FunctionalInterface
public interface SecretStore {

    /** The value, or empty when no secret has this name. Never logs the value. */
    Optional<String> lookup(String name);
}
