package dev.slipway.bot.message;

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

    /** The blocks as Slack receives them (snake_case JSON), for logs and tests. */
    public String blocksJson() {
        return GsonFactory.createSnakeCase().toJson(blocks);
    }
}
