package dev.slipway.core.scm;

/**
 * A repository as the build sees it.
 *
 * @param fullName  {@code owner/name} (GitLab: the namespace path, which may have several segments)
 * @param cloneUrl  the URL dispatch and the checkout clone from (https or file)
 * @param webUrl    the page people open, may be null
 * @param isPrivate whether cloning needs a token from the secret store
 */
public record Repository(String fullName, String cloneUrl, String webUrl, boolean isPrivate) {

    public Repository {
        requireText(fullName, "repository full name");
        requireText(cloneUrl, "clone URL of " + fullName);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
