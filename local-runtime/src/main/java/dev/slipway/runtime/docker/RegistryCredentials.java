package dev.slipway.runtime.docker;

import com.github.dockerjava.api.model.AuthConfig;
import java.util.Objects;

/**
 * A login for one registry host ({@code 127.0.0.1:5000}, an ECR host).
 *
 * @param host as it appears in image references
 */
public record RegistryCredentials(String host, String username, String password) {

    public RegistryCredentials {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    AuthConfig toAuthConfig() {
        return new AuthConfig().withRegistryAddress(host).withUsername(username).withPassword(password);
    }

    @Override
    public String toString() {
        return "RegistryCredentials[" + username + "@" + host + "]";
    }
}
