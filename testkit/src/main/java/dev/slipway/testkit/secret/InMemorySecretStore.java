package dev.slipway.testkit.secret;

import dev.slipway.core.secret.SecretStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link SecretStore} in a map that remembers which names were asked for. Passes {@code SecretStoreContract}. */
public final class InMemorySecretStore implements SecretStore {

    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<String> lookups = new ArrayList<>();

    public InMemorySecretStore() {
    }

    public InMemorySecretStore(Map<String, String> initial) {
        secrets.putAll(initial);
    }

    public InMemorySecretStore put(String name, String value) {
        secrets.put(name, value);
        return this;
    }

    @Override
    public Optional<String> lookup(String name) {
        synchronized (lookups) {
            lookups.add(name);
        }
        return Optional.ofNullable(secrets.get(name));
    }

    /** Every name looked up, in order: lets tests prove that untrusted builds read no secrets. */
    public List<String> lookups() {
        synchronized (lookups) {
            return List.copyOf(lookups);
        }
    }
}
