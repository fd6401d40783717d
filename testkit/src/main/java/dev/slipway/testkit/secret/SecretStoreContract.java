package dev.slipway.testkit.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.secret.SecretNotFoundException;
import dev.slipway.core.secret.SecretStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@link SecretStore} contract: every implementation's test extends this. */
public abstract class SecretStoreContract {

    /** A store holding exactly these secrets (names may carry a per-test prefix the store adds). */
    protected abstract SecretStore storeWith(Map<String, String> secrets);

    @Test
    void findsAStoredSecret() {
        SecretStore store = storeWith(Map.of("slipway/github/webhook", "It's a Secret to Everybody"));

        assertThat(store.lookup("slipway/github/webhook")).contains("It's a Secret to Everybody");
    }

    @Test
    void aMissingSecretIsEmptyAndRequireNamesIt() {
        SecretStore store = storeWith(Map.of("present", "x"));

        assertThat(store.lookup("slipway/absent")).isEmpty();
        assertThatThrownBy(() -> store.require("slipway/absent"))
                .isInstanceOf(SecretNotFoundException.class)
                .hasMessageContaining("slipway/absent");
    }

    @Test
    void valuesKeepEveryCharacter() {
        String value = "multi\nline \"quoted\" ünïcødé \\ {\"json\":true}";
        SecretStore store = storeWith(Map.of("odd", value));

        assertThat(store.lookup("odd")).contains(value);
    }
}
