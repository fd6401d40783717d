package dev.slipway.bot.approval;

import dev.slipway.bot.message.SlackContent;
import java.util.Optional;

/**
 * What the bot does in Slack after a click on Approve or Reject.
 *
 * @param privateNote shown to the clicker only (why nothing changed, or what went wrong)
 * @param replacement what the request message becomes, when the approval changed
 */
public record ClickResult(Optional<String> privateNote, Optional<SlackContent> replacement) {

    static ClickResult explained(String note) {
        return new ClickResult(Optional.of(note), Optional.empty());
    }

    static ClickResult changed(SlackContent message) {
        return new ClickResult(Optional.empty(), Optional.of(message));
    }
}
