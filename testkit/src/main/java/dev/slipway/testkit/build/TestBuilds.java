package dev.slipway.testkit.build;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.build.StageRecord;
import dev.slipway.core.scm.EventKind;
import dev.slipway.core.scm.Provider;
import dev.slipway.core.scm.PullRequest;
import dev.slipway.core.scm.Repository;
import java.time.Instant;
import java.util.List;

/** Build requests and records for tests, with plausible values. */
public final class TestBuilds {

    public static final Instant T0 = Instant.parse("2026-11-22T04:00:00Z");
    public static final String SHA = "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c";

    private TestBuilds() {
    }

    public static Repository repo(String fullName) {
        return new Repository(fullName, "https://git.example.com/" + fullName + ".git",
                "https://git.example.com/" + fullName, false);
    }

    public static BuildRequest push(String repo, String branch, String delivery, Instant at) {
        return new BuildRequest(BuildId.forDelivery(Provider.GITHUB, delivery), Provider.GITHUB, delivery,
                EventKind.PUSH, repo(repo), "refs/heads/" + branch, SHA, branch, null, null, "octocat", false,
                "Update " + branch, at);
    }

    public static BuildRequest forkPullRequest(String repo, String delivery, Instant at) {
        return new BuildRequest(BuildId.forDelivery(Provider.GITHUB, delivery), Provider.GITHUB, delivery,
                EventKind.PULL_REQUEST, repo(repo), "refs/pull/7/head", SHA, "patch-1", null,
                new PullRequest(7, "main", "mallory/" + repo.substring(repo.indexOf('/') + 1), true, null),
                "mallory", true, "Add a feature", at);
    }

    public static BuildRecord queued(String repo, String branch, String delivery, Instant at) {
        return BuildRecord.queued(push(repo, branch, delivery, at),
                List.of(StageRecord.pending("integration", null), StageRecord.pending("build", null)), at);
    }
}
