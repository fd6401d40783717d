package dev.slipway.core.secret;

import java.util.Map;
import java.util.Optional;

/** Secrets held in memory: for the embedded runtime's configured secrets and for tests. */
public record MapSecretStore(Map<String, String> values) implements SecretStore {

    public MapSecretStore {
        values = Map.copyOf(values);
    }

    @Override
    public Optional<String> lookup(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** Never the values: a record's default toString would print them. */
    @Override
    public String toString() {
        return "MapSecretStore" + values.keySet();
    }
}
