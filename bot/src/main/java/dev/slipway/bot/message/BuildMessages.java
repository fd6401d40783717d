package dev.slipway.bot.message;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.slipway.bot.model.BuildSnapshot;
import dev.slipway.bot.model.RollbackNotice;
import dev.slipway.bot.model.StageFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The build's messages: the one message per build (re-rendered whole on every change), the failure
 * reply in its thread, and rollbacks. Texts stay inside Block Kit's limits (3000 characters per
 * section), so log tails are cut from the top.
 */
public final class BuildMessages {

    static final int SECTION_LIMIT = 3000;

    private BuildMessages() {
    }

    public static SlackContent build(BuildSnapshot build) {
        String title = build.status().emoji() + " *" + Mrkdwn.escape(build.service()) + "* "
                + Mrkdwn.link(build.buildUrl(), "#" + build.buildId()) + " " + build.status().words();
        String origin = Mrkdwn.escape(build.repository()) + " " + Mrkdwn.code(build.ref()) + " @ "
                + Mrkdwn.code(build.shortCommit()) + " by " + Mrkdwn.mention(build.triggeredBy());
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(title + "\n" + origin))));
        if (!build.stages().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(stageLines(build)))));
        }
        build.imageDigest().ifPresent(digest ->
                blocks.add(context(c -> c.elements(List.of(markdownText("Image " + Mrkdwn.code(digest)))))));
        if (!build.deploys().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(deployLines(build)))));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText(Mrkdwn.link(build.buildUrl(), "Build page and logs"))))));
        String text = build.service() + " #" + build.buildId() + " " + build.status().words();
        return new SlackContent(text, blocks);
    }

    private static String stageLines(BuildSnapshot build) {
        return build.stages().stream().map(stage -> stage.status().emoji() + " " + Mrkdwn.escape(stage.name())
                + " " + stage.status().words()
                + stage.duration().map(d -> " in " + Mrkdwn.duration(d)).orElse(""))
                .collect(Collectors.joining("\n"));
    }

    private static String deployLines(BuildSnapshot build) {
        return build.deploys().stream().map(deploy -> deploy.status().emoji() + " "
                + Mrkdwn.escape(deploy.environment()) + " " + deploy.status().words() + " "
                + Mrkdwn.code(deploy.image()))
                .collect(Collectors.joining("\n", "*Deploys*\n", ""));
    }

    /** The thread reply on a failure: the stage, its exit code, the log's tail (as much as fits), the link. */
    public static SlackContent failure(StageFailure failure) {
        String head = ":x: *" + Mrkdwn.escape(failure.stage()) + "* failed with exit code " + failure.exitCode() + "\n";
        String tail = logTail(failure.lastLogLines(), SECTION_LIMIT - head.length() - 8);
        String body = head + "```" + tail + "```";
        List<LayoutBlock> blocks = List.of(
                section(s -> s.text(markdownText(body))),
                context(c -> c.elements(List.of(markdownText(Mrkdwn.link(failure.logUrl(), "Full log"))))));
        return new SlackContent(failure.stage() + " failed (exit " + failure.exitCode() + ")", blocks);
    }

    /** The last lines that fit in {@code budget} characters, escaped; the first kept line marks the cut. */
    static String logTail(List<String> lines, int budget) {
        List<String> kept = new ArrayList<>();
        int used = 0;
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = Mrkdwn.escape(lines.get(i).replace("```", "'''"));
            if (used + line.length() + 1 > budget - 4) {
                kept.add(0, "…");
                break;
            }
            kept.add(0, line);
            used += line.length() + 1;
        }
        return kept.isEmpty() ? "(no output)" : String.join("\n", kept);
    }

    public static SlackContent rollback(RollbackNotice rollback) {
        String who = rollback.requestedBy().map(u -> "by " + Mrkdwn.mention(u)).orElse("automatically");
        String body = ":leftwards_arrow_with_hook: *" + Mrkdwn.escape(rollback.service()) + "* in *"
                + Mrkdwn.escape(rollback.environment()) + "* rolled back " + who + "\nfrom " + Mrkdwn.code(rollback.fromImage())
                + "\nto " + Mrkdwn.code(rollback.toImage()) + "\n" + Mrkdwn.escape(rollback.reason());
        List<LayoutBlock> blocks = List.of(section(s -> s.text(markdownText(body))),
                context(c -> c.elements(List.of(markdownText(Mrkdwn.link(rollback.buildUrl(), "Build page"))))));
        return new SlackContent(rollback.service() + " in " + rollback.environment() + " rolled back from "
                + rollback.fromImage() + " to " + rollback.toImage(), blocks);
    }
}
