package dev.slipway.functions.webhook;

import dev.slipway.core.scm.Provider;
import dev.slipway.core.secret.SecretStore;
import java.util.Optional;

/**
 * Where each provider's webhook secret lives in the secret store: {@code <prefix>/github},
 * {@code <prefix>/gitea}, {@code <prefix>/gitlab} (the X-Gitlab-Token value) and
 * {@code <prefix>/gitlab-signing} (GitLab's signing token, {@code whsec_...}).
 */
public final class WebhookSecrets {

    public static final String DEFAULT_PREFIX = "slipway/webhooks";

    private final SecretStore store;
    private final String prefix;

    public WebhookSecrets(SecretStore store, String prefix) {
        this.store = store;
        this.prefix = prefix;
    }

    public static String nameFor(String prefix, Provider provider) {
        return prefix + "/" + provider.id();
    }

    public String secretName(Provider provider) {
        return nameFor(prefix, provider);
    }

    public String gitlabSigningName() {
        return prefix + "/gitlab-signing";
    }

    /** An empty secret counts as none: HMAC with an empty key would accept anyone who guesses that. */
    Optional<String> secret(Provider provider) {
        return store.lookup(secretName(provider)).filter(s -> !s.isBlank());
    }

    Optional<String> gitlabSigningToken() {
        return store.lookup(gitlabSigningName()).filter(s -> !s.isBlank());
    }
}
