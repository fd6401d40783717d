package dev.slipway.core.secret;

/** A secret that should exist does not. */
public final class SecretNotFoundException extends RuntimeException {

    private final String name;

    public SecretNotFoundException(String name) {
        super("secret '" + name + "' does not exist: create it in the secret store (Secrets Manager: "
                + "aws secretsmanager create-secret --name " + name + " --secret-string ...)");
        this.name = name;
    }

    public String secretName() {
        return name;
    }
}
