package dev.slipway.testkit.secret;

import dev.slipway.core.secret.SecretStore;
import java.util.Map;

class InMemorySecretStoreTest extends SecretStoreContract {

    @Override
    protected SecretStore storeWith(Map<String, String> secrets) {
        return new InMemorySecretStore(secrets);
    }
}
