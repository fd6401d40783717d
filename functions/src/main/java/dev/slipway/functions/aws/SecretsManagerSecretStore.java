package dev.slipway.functions.aws;

import dev.slipway.core.secret.SecretStore;
import dev.slipway.core.secret.SecretStoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * {@link SecretStore} on AWS Secrets Manager, reading {@code SecretString} by name. Values are
 * cached for a short time: a warm Lambda answers webhooks without a Secrets Manager call each time,
 * and a rotated secret is picked up within {@code cacheFor}. "Not found" is cached too, so a
 * flood of webhooks for an unconfigured provider does not become a flood of API calls.
 */
public final class SecretsManagerSecretStore implements SecretStore {

    private record Cached(Optional<String> value, Instant until) {
    }

    private final SecretsManagerClient secrets;
    private final Clock clock;
    private final Duration cacheFor;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public SecretsManagerSecretStore(SecretsManagerClient secrets, Clock clock, Duration cacheFor) {
        this.secrets = secrets;
        this.clock = clock;
        this.cacheFor = cacheFor;
    }

    @Override
    public Optional<String> lookup(String name) {
        Instant now = clock.instant();
        Cached cached = cache.get(name);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.value();
        }
        Optional<String> value = read(name);
        cache.put(name, new Cached(value, now.plus(cacheFor)));
        return value;
    }

    private Optional<String> read(String name) {
        try {
            return Optional.ofNullable(secrets.getSecretValue(r -> r.secretId(name)).secretString());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new SecretStoreUnavailableException(name, e);
        }
    }
}
