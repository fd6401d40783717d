package dev.slipway.testkit.slack;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One message as the fake Slack holds it after {@code chat.postMessage} or {@code chat.update}.
 *
 * @param channel   channel id (a name given to {@code chat.postMessage} is resolved to the id)
 * @param ts        Slack's message timestamp, the message's id within its channel
 * @param threadTs  the parent's ts for a thread reply, else {@code null}
 * @param text      the {@code text} argument, possibly {@code null} when blocks were given
 * @param blocks    the parsed {@code blocks} array, or a missing node when none were given
 * @param revision  0 when posted, incremented by every {@code chat.update}
 */
public record SlackMessage(String channel, String ts, String threadTs, String text, JsonNode blocks, int revision) {

    /** All text visible in the message: the {@code text} argument and every text field in its blocks. */
    public String visibleText() {
        StringBuilder all = new StringBuilder(text == null ? "" : text);
        collectText(blocks, all);
        return all.toString();
    }

    private static void collectText(JsonNode node, StringBuilder all) {
        node.fields().forEachRemaining(field -> {
            if (field.getKey().equals("text") && field.getValue().isTextual()) {
                all.append('\n').append(field.getValue().asText());
            } else {
                collectText(field.getValue(), all);
            }
        });
        if (node.isArray()) {
            node.forEach(element -> collectText(element, all));
        }
    }

    /** The {@code value} of the button whose {@code action_id} is given, or {@code null}. */
    public String buttonValue(String actionId) {
        for (JsonNode element : blocks.findValues("elements")) {
            for (JsonNode candidate : element) {
                if (actionId.equals(candidate.path("action_id").asText(null))) {
                    return candidate.path("value").asText(null);
                }
            }
        }
        return null;
    }
}
