package dev.slipway.core.task;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What one build is for, as the stage tasks need it.
 *
 * @param buildId deterministic id of the build (DESIGN.md §6)
 * @param repositoryUrl clone URL ({@code https://...}, {@code file://...})
 * @param commit the full commit id that triggered the build
 * @param ref the full ref ({@code refs/heads/main}, {@code refs/tags/v1}, {@code refs/pull/7/head})
 * @param event the trigger kind ({@code push}, {@code tag}, {@code pull_request}, {@code schedule}, ...)
 * @param fork a pull request from a fork: it gets no secrets
 * @param gitToken the checkout needs the {@value StageTaskCompiler#GIT_TOKEN} secret (private https repositories)
 */
public record BuildContext(String buildId, String repositoryUrl, String commit, String ref, String event, boolean fork,
        boolean gitToken) {

    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    public BuildContext {
        Objects.requireNonNull(buildId, "buildId");
        Objects.requireNonNull(repositoryUrl, "repositoryUrl");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(event, "event");
        if (commit == null || !COMMIT.matcher(commit).matches()) {
            throw new IllegalArgumentException("commit must be a full 40-character lowercase hex id, was: " + commit);
        }
    }

    public Optional<String> branch() {
        return ref.startsWith("refs/heads/") ? Optional.of(ref.substring("refs/heads/".length())) : Optional.empty();
    }

    public Optional<String> tag() {
        return ref.startsWith("refs/tags/") ? Optional.of(ref.substring("refs/tags/".length())) : Optional.empty();
    }

    /** The variables tags and build args may use ({@code ${COMMIT_SHA}} ...), also given to commands. */
    public Map<String, String> variables() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("COMMIT_SHA", commit);
        vars.put("SHORT_SHA", commit.substring(0, 7));
        vars.put("BRANCH", branch().orElse(""));
        vars.put("TAG", tag().orElse(""));
        vars.put("BUILD_ID", buildId);
        return vars;
    }
}
