package dev.slipway.core.secret;

import java.util.Optional;

/**
 * Secrets by name (Secrets Manager in the cloud): webhook secrets, SCM tokens, Slack tokens,
 * registry credentials and the secrets a pipeline file names under {@code secrets:}.
 *
 * <p>Contract, checked by {@code SecretStoreContract}:
 * <ul>
 *   <li>{@link #find} returns the current value, or empty when no secret has the name; any other
 *       failure (no access, service down) throws {@link SecretStoreUnavailableException}, never
 *       empty, so a missing permission is not mistaken for "no secret configured".</li>
 *   <li>Values never appear in exception messages or logs.</li>
 *   <li>Thread-safe; implementations may cache for a short time.</li>
 * </ul>
 */
public interface SecretStore {

    Optional<String> find(String name);

    /** The secret's value, or {@link SecretNotFoundException} naming what to create. */
    default String require(String name) {
        return find(name).orElseThrow(() -> new SecretNotFoundException(name));
    }
}
