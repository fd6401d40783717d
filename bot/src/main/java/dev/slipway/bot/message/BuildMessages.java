package dev.slipway.bot.message;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.build.StageNames;
import dev.slipway.core.build.StageRecord;
import java.net.URI;
import java.time.Duration;
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

    /**
     * The build's one message. {@code service} is the pipeline file's service (or release name);
     * stages named {@code deploy:<env>} are listed under Deploys with the image they roll out.
     */
    public static SlackContent build(BuildRecord build, String service, URI buildUrl) {
        BuildRequest request = build.request();
        String title = "*" + Mrkdwn.escape(service) + "* " + Mrkdwn.link(buildUrl, "#" + build.id()) + " "
                + StatusWords.of(build.status());
        String origin = Mrkdwn.escape(build.repo()) + " " + Mrkdwn.code(refOf(request)) + " @ "
                + Mrkdwn.code(shortSha(request.commit())) + " by " + Mrkdwn.mention(request.actor());
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(title + "\n" + origin + reasonLine(build)))));
        List<StageRecord> stages = build.stages().stream().filter(st -> !isDeploy(st)).toList();
        List<StageRecord> deploys = build.stages().stream().filter(BuildMessages::isDeploy).toList();
        if (!stages.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(stages.stream().map(BuildMessages::stageLine)
                    .collect(Collectors.joining("\n"))))));
        }
        if (!build.images().isEmpty()) {
            String images = build.images().entrySet().stream()
                    .map(e -> (e.getKey().isEmpty() ? "Image " : Mrkdwn.escape(e.getKey()) + " ") + Mrkdwn.code(e.getValue()))
                    .collect(Collectors.joining("\n"));
            blocks.add(context(c -> c.elements(List.of(markdownText(images)))));
        }
        if (!deploys.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(deploys.stream().map(d -> deployLine(d, build))
                    .collect(Collectors.joining("\n", "*Deploys*\n", ""))))));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText(Mrkdwn.link(buildUrl, "Build page and logs"))))));
        return new SlackContent(service + " #" + build.id() + " " + StatusWords.plain(build.status()), blocks);
    }

    private static boolean isDeploy(StageRecord stage) {
        return stage.name().startsWith(StageNames.DEPLOY_PREFIX);
    }

    private static String stageLine(StageRecord stage) {
        Duration took = stage.duration();
        return StatusWords.of(stage.status()) + " " + Mrkdwn.escape(label(stage))
                + (took == null ? "" : " in " + Mrkdwn.duration(took));
    }

    private static String deployLine(StageRecord deploy, BuildRecord build) {
        String image = build.images().get(deploy.service() == null ? "" : deploy.service());
        return StatusWords.of(deploy.status()) + " " + Mrkdwn.escape(label(deploy).substring(StageNames.DEPLOY_PREFIX.length()))
                + (image == null ? "" : " " + Mrkdwn.code(image))
                + (deploy.duration() == null ? "" : " in " + Mrkdwn.duration(deploy.duration()));
    }

    private static String label(StageRecord stage) {
        return stage.service() == null ? stage.name() : stage.name() + " (" + stage.service() + ")";
    }

    private static String reasonLine(BuildRecord build) {
        return build.reason() == null || !build.status().isTerminal() ? "" : "\n_" + Mrkdwn.escape(build.reason()) + "_";
    }

    private static String refOf(BuildRequest request) {
        return request.tag() != null ? request.tag() : request.branch() != null ? request.branch() : request.ref();
    }

    private static String shortSha(String sha) {
        return sha == null ? "unknown" : sha.substring(0, Math.min(7, sha.length()));
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
