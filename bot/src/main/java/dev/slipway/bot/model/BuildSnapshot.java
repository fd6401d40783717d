package dev.slipway.bot.model;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A build as its Slack message shows it, at one moment. The notifier renders the whole message from
 * each snapshot (never a diff), so that a lost or reordered update is repaired by the next one.
 *
 * @param buildId     the build's id, shown as {@code #id}
 * @param service     the service (or release) being built
 * @param repository  {@code owner/name}
 * @param ref         branch or tag
 * @param commit      the full commit sha
 * @param triggeredBy who or what started it: a Slack user id ({@code U…}), or a provider login
 * @param status      the build's overall state
 * @param stages      one line per stage, in pipeline order
 * @param imageDigest the pushed image's digest, once built
 * @param deploys     one line per environment, in deploy order
 * @param buildUrl    the build's page, with its logs
 */
public record BuildSnapshot(String buildId, String service, String repository, String ref, String commit,
        String triggeredBy, StageStatus status, List<Stage> stages, Optional<String> imageDigest,
        List<Deploy> deploys, URI buildUrl) {

    public BuildSnapshot {
        stages = List.copyOf(stages);
        deploys = List.copyOf(deploys);
    }

    /** @param duration how long it ran (so far, while running); empty before it starts */
    public record Stage(String name, StageStatus status, Optional<Duration> duration) {
    }

    /** @param image the image deployed or being deployed, by digest when known */
    public record Deploy(String environment, StageStatus status, String image) {
    }

    public String shortCommit() {
        return commit.length() > 7 ? commit.substring(0, 7) : commit;
    }
}
