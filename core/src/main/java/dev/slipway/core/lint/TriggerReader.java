package dev.slipway.core.lint;

import dev.slipway.core.pipeline.Cron;
import dev.slipway.core.pipeline.CronSyntaxException;
import dev.slipway.core.pipeline.Glob;
import dev.slipway.core.pipeline.GlobSyntaxException;
import dev.slipway.core.pipeline.Triggers;
import dev.slipway.core.pipeline.Triggers.PullRequestTrigger;
import dev.slipway.core.pipeline.Triggers.PushTrigger;
import dev.slipway.core.pipeline.Triggers.ScheduleTrigger;
import dev.slipway.core.pipeline.Triggers.TagTrigger;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** {@code on:}, the triggers, and the glob lists that filter them. */
final class TriggerReader {

    private static final List<String> KEYS = List.of("push", "tag", "pull_request", "schedule", "manual", "chat");
    private static final List<String> SCHEDULE_KEYS = List.of("cron", "branches");

    private TriggerReader() {
    }

    static Triggers read(MappingReader top) {
        return top.mapping("on", KEYS).map(TriggerReader::triggers).orElse(Triggers.DEFAULT);
    }

    private static Triggers triggers(MappingReader on) {
        Optional<PushTrigger> push = filter(on, "push", "branches").map(PushTrigger::new);
        Optional<TagTrigger> tag = filter(on, "tag", "tags").map(TagTrigger::new);
        Optional<PullRequestTrigger> pullRequest = filter(on, "pull_request", "branches").map(PullRequestTrigger::new);
        List<ScheduleTrigger> schedules = on.listOf("schedule", TriggerReader::schedule).orElse(List.of());
        boolean manual = on.bool("manual").orElse(true);
        boolean chat = on.bool("chat").orElse(true);
        return new Triggers(push, tag, pullRequest, schedules, manual, chat);
    }

    /**
     * The globs of a push, tag or pull request trigger. A bare {@code push:} (empty, as GitHub
     * Actions files write it) means the trigger with no filter.
     */
    private static Optional<List<Glob>> filter(MappingReader on, String trigger, String key) {
        Optional<Node> value = on.value(trigger);
        if (value.filter(v -> v instanceof ScalarNode s && s.getTag() == Tag.NULL).isPresent()) {
            return Optional.of(List.of());
        }
        return on.mapping(trigger, List.of(key)).map(m -> globs(m, key));
    }

    private static Optional<ScheduleTrigger> schedule(Node node, String path, Problems problems) {
        return MappingReader.read(node, path, problems, SCHEDULE_KEYS).flatMap(schedule -> {
            schedule.requireKey("cron", "add `cron:` with five fields in UTC, e.g. \"0 3 * * *\" for 03:00 daily");
            Optional<Cron> cron = schedule.get("cron", TriggerReader::cron);
            List<String> branches = schedule.listOf("branches", TriggerReader::branchName).orElse(List.of());
            return cron.map(c -> new ScheduleTrigger(c, branches));
        });
    }

    private static Optional<Cron> cron(Node node, String path, Problems problems) {
        return Values.string(node, path, problems).flatMap(text -> {
            try {
                return Optional.of(Cron.parse(text));
            } catch (CronSyntaxException e) {
                problems.error(node, path, "invalid-cron", e.getMessage(),
                        "write five fields in UTC: minute hour day-of-month month day-of-week, e.g. \"0 3 * * 1-5\"");
                return Optional.empty();
            }
        });
    }

    /** A schedule builds named branches: it has no push event whose branch a glob could match. */
    private static Optional<String> branchName(Node node, String path, Problems problems) {
        return Values.string(node, path, problems).filter(name -> {
            if (!name.matches(".*[*?\\[\\]].*")) {
                return true;
            }
            problems.error(node, path, "invalid-value", "schedule branch \"" + name + "\" is a pattern",
                    "a schedule builds the branches it names: list branch names such as main");
            return false;
        });
    }

    /** The globs under {@code key}; an absent key is an empty list, which matches everything. */
    static List<Glob> globs(MappingReader parent, String key) {
        return parent.listOf(key, TriggerReader::glob).orElse(List.of());
    }

    static Optional<Glob> glob(Node node, String path, Problems problems) {
        return Values.string(node, path, problems).flatMap(pattern -> {
            try {
                return Optional.of(Glob.parse(pattern));
            } catch (GlobSyntaxException e) {
                problems.errorInside((ScalarNode) node, e.offset(), path, "invalid-glob", e.getMessage(),
                        "globs use * (within a segment), ** (across '/'), ? and [a-z]; escape others with \\");
                return Optional.empty();
            }
        });
    }
}
