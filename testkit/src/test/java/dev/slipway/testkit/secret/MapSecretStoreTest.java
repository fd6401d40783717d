package dev.slipway.testkit.secret;

import dev.slipway.core.secret.MapSecretStore;
import dev.slipway.core.secret.SecretStore;
import java.util.Map;

/** core's MapSecretStore (the embedded runtime's configured secrets) keeps the same contract. */
class MapSecretStoreTest extends SecretStoreContract {

    @Override
    protected SecretStore storeWith(Map<String, String> secrets) {
        return new MapSecretStore(secrets);
    }
}
