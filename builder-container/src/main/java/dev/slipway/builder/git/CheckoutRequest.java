package dev.slipway.builder.git;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to check out.
 *
 * @param repository {@code file://}, {@code https://} or a local path
 * @param commit the full 40-hex commit id the build is for
 * @param ref where the commit was pushed ({@code refs/heads/main}, {@code refs/tags/v1}); fetched
 *     shallow first. Empty: every branch and tag are fetched.
 * @param directory the (empty) workspace
 * @param token for https: sent as the password of {@code username}; empty for none
 * @param username for https with a token ({@code x-access-token} for GitHub, {@code oauth2} for GitLab)
 */
public record CheckoutRequest(String repository, String commit, Optional<String> ref, Path directory, Optional<String> token,
        String username) {

    public CheckoutRequest {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(username, "username");
    }

    @Override
    public String toString() {
        return "CheckoutRequest[" + repository + "@" + commit + " " + ref.orElse("") + " into " + directory + "]";
    }
}
