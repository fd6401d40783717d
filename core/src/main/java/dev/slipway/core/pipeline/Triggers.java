package dev.slipway.core.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * When a build starts. An absent trigger never fires; an empty glob list matches every name.
 *
 * @param manual whether {@code /build} and {@code slipway run} may start a build
 * @param chat   whether {@code /deploy} and {@code /rollback} from chat may act on this service
 */
public record Triggers(
        Optional<PushTrigger> push,
        Optional<TagTrigger> tag,
        Optional<PullRequestTrigger> pullRequest,
        List<ScheduleTrigger> schedules,
        boolean manual,
        boolean chat) {

    /** What a file without {@code on:} gets: pushes to any branch, manual and chat. */
    public static final Triggers DEFAULT = new Triggers(
            Optional.of(new PushTrigger(List.of())), Optional.empty(), Optional.empty(), List.of(), true, true);

    public Triggers {
        schedules = List.copyOf(schedules);
    }

    public boolean firesOnPush(String branch) {
        return push.map(p -> Glob.anyMatches(p.branches(), branch)).orElse(false);
    }

    public boolean firesOnTag(String tagName) {
        return tag.map(t -> Glob.anyMatches(t.tags(), tagName)).orElse(false);
    }

    public boolean firesOnPullRequest(String targetBranch) {
        return pullRequest.map(p -> Glob.anyMatches(p.branches(), targetBranch)).orElse(false);
    }

    public record PushTrigger(List<Glob> branches) {
        public PushTrigger {
            branches = List.copyOf(branches);
        }
    }

    public record TagTrigger(List<Glob> tags) {
        public TagTrigger {
            tags = List.copyOf(tags);
        }
    }

    /** @param branches globs on the pull request's target branch */
    public record PullRequestTrigger(List<Glob> branches) {
        public PullRequestTrigger {
            branches = List.copyOf(branches);
        }
    }

    /**
     * A periodic build.
     *
     * @param branches branch names to build (not globs: a schedule needs names); empty means the
     *                 repository's default branch
     */
    public record ScheduleTrigger(Cron cron, List<String> branches) {
        public ScheduleTrigger {
            branches = List.copyOf(branches);
        }
    }
}
