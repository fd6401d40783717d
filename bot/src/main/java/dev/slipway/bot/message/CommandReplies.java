package dev.slipway.bot.message;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.slipway.bot.command.CommandParser;
import dev.slipway.bot.release.Accepted;
import dev.slipway.bot.release.StatusReport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** What the bot answers to a slash command, visible to the person who typed it. */
public final class CommandReplies {

    private CommandReplies() {
    }

    public static SlackContent help() {
        return new SlackContent("Slipway commands", List.of(
                section(s -> s.text(markdownText("*Slipway commands*\n" + CommandParser.ALL_USAGE))),
                context(c -> c.elements(List.of(markdownText(
                        "A build is written `#<id>`; environments are the names under `deploy:` in `.slipway.yml`."))))));
    }

    /** A command that could not be parsed: what was wrong, then how to write it; nothing was started. */
    public static SlackContent invalid(String problem, String usage) {
        return new SlackContent(problem, List.of(
                section(s -> s.text(markdownText(":warning: " + problem + "\n" + usage))),
                context(c -> c.elements(List.of(markdownText("Nothing was started. `/slipway help` lists every command."))))));
    }

    public static SlackContent refused(String reason) {
        return new SlackContent(reason, List.of(section(s -> s.text(markdownText(":warning: " + Mrkdwn.escape(reason)
                + "\nNothing was started.")))));
    }

    public static SlackContent failed(String what) {
        return new SlackContent("Slipway could not " + what, List.of(section(s -> s.text(markdownText(
                ":boom: Slipway could not " + Mrkdwn.escape(what) + " just now. Nothing was started; try again in a minute,"
                        + " and if it keeps failing ask your Slipway admins to look at the bot's log.")))));
    }

    public static SlackContent accepted(Accepted accepted) {
        return new SlackContent(accepted.summary(), List.of(section(s -> s.text(markdownText(
                ":rocket: " + Mrkdwn.escape(accepted.summary()))))));
    }

    public static SlackContent status(StatusReport report) {
        String running = lines("*Running*", report.running(), b -> ":arrows_counterclockwise: "
                + Mrkdwn.escape(b.service()) + " #" + Mrkdwn.escape(b.buildId()) + " " + Mrkdwn.code(b.ref())
                + " in " + Mrkdwn.escape(b.stage()) + " since " + Mrkdwn.date(b.startedAt()));
        String deployed = lines("*Deployed*", report.deployed(), d -> ":package: "
                + Mrkdwn.escape(d.service()) + " in *" + Mrkdwn.escape(d.environment()) + "*: " + Mrkdwn.code(d.image())
                + " (#" + Mrkdwn.escape(d.buildId()) + ", " + Mrkdwn.date(d.deployedAt()) + ")");
        String waiting = lines("*Waiting for approval*", report.openApprovals(), a -> ":raised_hand: "
                + Mrkdwn.escape(a.service()) + " to *" + Mrkdwn.escape(a.environment()) + "* (#" + Mrkdwn.escape(a.buildId())
                + "): " + a.missing() + " more needed, expires " + Mrkdwn.date(a.expiresAt()));
        List<LayoutBlock> blocks = new ArrayList<>();
        for (String part : List.of(running, deployed, waiting)) {
            blocks.add(section(s -> s.text(markdownText(part))));
        }
        String text = report.running().size() + " running, " + report.deployed().size() + " deployments, "
                + report.openApprovals().size() + " waiting for approval";
        return new SlackContent(text, blocks);
    }

    /** Slack caps a section at 3000 characters: long lists end with how many more there are. */
    private static <T> String lines(String title, List<T> items, Function<T, String> line) {
        if (items.isEmpty()) {
            return title + "\nnothing";
        }
        StringBuilder out = new StringBuilder(title);
        int shown = 0;
        for (T item : items) {
            String next = "\n" + line.apply(item);
            if (out.length() + next.length() > BuildMessages.SECTION_LIMIT - 40) {
                break;
            }
            out.append(next);
            shown++;
        }
        if (shown < items.size()) {
            out.append("\n…and ").append(items.size() - shown).append(" more");
        }
        return out.toString();
    }
}
