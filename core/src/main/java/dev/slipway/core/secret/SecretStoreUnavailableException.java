package dev.slipway.core.secret;

/** The secret store could not answer (permissions, network); says nothing about whether the secret exists. */
public final class SecretStoreUnavailableException extends RuntimeException {

    public SecretStoreUnavailableException(String name, Throwable cause) {
        super("could not read secret '" + name + "': " + cause.getMessage()
                + "; check the function's permissions and the secret store's endpoint", cause);
    }
}
