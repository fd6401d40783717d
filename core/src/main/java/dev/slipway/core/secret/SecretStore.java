package dev.slipway.core.secret;

import java.util.Optional;

/**
 * Looks up secret values by name (Secrets Manager in the cloud, a local file or map on one
 * machine): webhook secrets, SCM tokens, Slack tokens, registry credentials and the secrets a
 * pipeline file names under {@code secrets:}.
 *
 * <p>Contract, checked by {@code SecretStoreContract} in the testkit:
 * <ul>
 *   <li>{@link #lookup} returns the current value, or empty when no secret has the name; any other
 *       failure (no access, service down) throws {@link SecretStoreUnavailableException}, never
 *       empty, so a missing permission is not mistaken for "no secret configured".</li>
 *   <li>Values never appear in exception messages, {@code toString} or logs.</li>
 *   <li>Thread-safe; looking up the same name twice is harmless; implementations may cache for a
 *       short time.</li>
 * </ul>
 */
@FunctionalInterface
public interface SecretStore {

    /** The value, or empty when no secret has this name. Never logs the value. */
    Optional<String> lookup(String name);

    /** The secret's value, or {@link SecretNotFoundException} naming what to create. */
    default String require(String name) {
        return lookup(name).orElseThrow(() -> new SecretNotFoundException(name));
    }
}
