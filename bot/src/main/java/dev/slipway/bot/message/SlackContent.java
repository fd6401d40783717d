package dev.slipway.bot.message;

import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import java.util.List;

/**
 * A message body: Block Kit blocks plus the plain {@code text} Slack shows in notifications and
 * screen readers (and the console notifier prints).
 */
public record SlackContent(String text, List<LayoutBlock> blocks) {

    public SlackContent {
        blocks = List.copyOf(blocks);
    }

    /** Slack's own JSON mapping, without Gson's HTML escaping so that logs and tests read like the message. */
    private static final Gson JSON = GsonFactory.createSnakeCase().newBuilder().disableHtmlEscaping().create();

    /** The blocks as Slack receives them (snake_case JSON), for logs and tests. */
    public String blocksJson() {
        return JSON.toJson(blocks);
    }
}
