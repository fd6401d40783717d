package dev.slipway.testkit.slack;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Block Kit limits Slack enforces on {@code blocks}, so that a message the fake accepts is one
 * Slack would accept too. Limits from Slack's Block Kit reference: at most 50 blocks in a message;
 * section and context text at most 3000 characters; header text at most 150; a button's text at
 * most 75, its {@code value} at most 2000 and its {@code action_id} at most 255; at most 25
 * elements in an actions block and 10 in a context block.
 */
public final class BlockKitLimits {

    private BlockKitLimits() {
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** {@code null} when the JSON array of blocks is acceptable to Slack, else the error code Slack answers. */
    public static String check(String blocksJson) {
        try {
            return check(JSON.readTree(blocksJson));
        } catch (java.io.IOException e) {
            return "invalid_blocks_format";
        }
    }

    /** {@code null} when the blocks are acceptable, else the Slack error code. */
    static String check(JsonNode blocks) {
        if (!blocks.isArray()) {
            return "invalid_blocks_format";
        }
        if (blocks.size() > 50) {
            return "invalid_blocks";
        }
        for (JsonNode block : blocks) {
            if (!block.isObject() || !block.path("type").isTextual() || !blockWithinLimits(block)) {
                return "invalid_blocks";
            }
        }
        return null;
    }

    private static boolean blockWithinLimits(JsonNode block) {
        return switch (block.get("type").asText()) {
            case "section" -> textWithin(block.path("text"), 3000) && fieldsWithin(block.path("fields"));
            case "header" -> block.path("text").path("type").asText().equals("plain_text")
                    && textWithin(block.path("text"), 150);
            case "context" -> block.path("elements").isArray() && block.path("elements").size() <= 10
                    && allTextWithin(block.path("elements"), 3000);
            case "actions" -> block.path("elements").isArray() && block.path("elements").size() <= 25
                    && buttonsWithinLimits(block.path("elements"));
            case "divider", "image", "rich_text", "input", "file", "video" -> true;
            default -> false;
        };
    }

    private static boolean fieldsWithin(JsonNode fields) {
        return fields.isMissingNode() || (fields.isArray() && fields.size() <= 10 && allTextWithin(fields, 2000));
    }

    private static boolean allTextWithin(JsonNode elements, int max) {
        for (JsonNode element : elements) {
            if (element.has("text") && !textWithin(element, max)) {
                return false;
            }
        }
        return true;
    }

    private static boolean textWithin(JsonNode textObject, int max) {
        if (textObject.isMissingNode()) {
            return true;
        }
        JsonNode text = textObject.path("text");
        return text.isTextual() && !text.asText().isEmpty() && text.asText().length() <= max;
    }

    private static boolean buttonsWithinLimits(JsonNode elements) {
        for (JsonNode element : elements) {
            if (!element.path("type").asText().equals("button")) {
                continue;
            }
            if (!textWithin(element.path("text"), 75)
                    || element.path("value").asText("").length() > 2000
                    || element.path("action_id").asText("").length() > 255) {
                return false;
            }
        }
        return true;
    }
}
