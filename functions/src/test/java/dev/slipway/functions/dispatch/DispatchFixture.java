package dev.slipway.functions.dispatch;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.scm.EventKind;
import dev.slipway.core.scm.Provider;
import dev.slipway.core.scm.PullRequest;
import dev.slipway.core.scm.Repository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Requests and pipeline files for dispatch tests. */
final class DispatchFixture {

    static final String REPO = "acme/api";
    static final String GOOD = "1111111111111111111111111111111111111111";
    static final String BROKEN = "2222222222222222222222222222222222222222";
    static final String NO_FILE = "3333333333333333333333333333333333333333";
    static final Instant T0 = Instant.parse("2026-11-22T05:00:00Z");

    private DispatchFixture() {
    }

    static String pipeline(String name) {
        String path = "pipelines/" + name + ".slipway.yml";
        try (InputStream in = DispatchFixture.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Repository repo() {
        return new Repository(REPO, "https://git.example.com/acme/api.git", null, false);
    }

    static BuildRequest push(String delivery, String branch, String commit, Instant at) {
        return new BuildRequest(BuildId.forDelivery(Provider.GITHUB, delivery), Provider.GITHUB, delivery, EventKind.PUSH,
                repo(), "refs/heads/" + branch, commit, branch, null, null, "octocat", false, "change", at);
    }

    static BuildRequest forkPullRequest(String delivery, String commit) {
        return new BuildRequest(BuildId.forDelivery(Provider.GITHUB, delivery), Provider.GITHUB, delivery,
                EventKind.PULL_REQUEST, repo(), "refs/pull/8/head", commit, "patch-1", null,
                new PullRequest(8, "main", "mallory/api", true, null), "mallory", true, "Typo", T0);
    }
}
