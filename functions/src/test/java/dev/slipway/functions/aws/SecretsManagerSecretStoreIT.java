package dev.slipway.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.secret.SecretStore;
import dev.slipway.core.secret.SecretStoreUnavailableException;
import dev.slipway.testkit.secret.SecretStoreContract;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

class SecretsManagerSecretStoreIT extends SecretStoreContract {

    private final SecretsManagerClient client = LocalAws.secrets(MotoServer.endpoint());
    private final String prefix = "it-" + UUID.randomUUID() + "/";

    @Override
    protected SecretStore storeWith(Map<String, String> secrets) {
        secrets.forEach((name, value) -> client.createSecret(r -> r.name(prefix + name).secretString(value)));
        SecretStore store = new SecretsManagerSecretStore(client, Clock.systemUTC(), Duration.ofMinutes(5));
        return new SecretStore() {
            @Override
            public java.util.Optional<String> lookup(String name) {
                return store.lookup(prefix + name);
            }
        };
    }

    @Test
    void aRotatedSecretIsSeenOnceTheCacheExpires() {
        client.createSecret(r -> r.name(prefix + "rotating").secretString("v1"));
        MutableClock clock = new MutableClock();
        SecretsManagerSecretStore store = new SecretsManagerSecretStore(client, clock, Duration.ofMinutes(5));
        assertThat(store.lookup(prefix + "rotating")).contains("v1");

        client.putSecretValue(r -> r.secretId(prefix + "rotating").secretString("v2"));
        assertThat(store.lookup(prefix + "rotating")).as("cached").contains("v1");
        clock.advance(Duration.ofMinutes(6));

        assertThat(store.lookup(prefix + "rotating")).contains("v2");
    }

    @Test
    void anUnreachableServiceIsAnErrorNotAMissingSecret() {
        SecretsManagerClient nowhere = LocalAws.secrets(URI.create("http://127.0.0.1:" + LocalAws.freePort()));
        SecretsManagerSecretStore store = new SecretsManagerSecretStore(nowhere, Clock.systemUTC(), Duration.ofMinutes(5));

        assertThatThrownBy(() -> store.lookup("slipway/webhooks/github"))
                .isInstanceOf(SecretStoreUnavailableException.class)
                .hasMessageContaining("slipway/webhooks/github");
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T05:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
