package dev.slipway.testkit.slack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Slack posts to an app's request URL, field for field, so that every test that plays a
 * person in Slack (a slash command, a button click) sends the same shapes. Sign them with
 * {@link SlackRequestSigner#command} and {@link SlackRequestSigner#interaction}.
 */
public final class SlackPayloads {

    public static final String TEAM_ID = "T0SLIPWAY";

    private SlackPayloads() {
    }

    /** The form fields of a slash command (api.slack.com/interactivity/slash-commands). */
    public static Map<String, String> slashCommand(String channelId, String userId, String command, String text,
                                                   String responseUrl, String triggerId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", "legacy-verification-token");
        fields.put("team_id", TEAM_ID);
        fields.put("team_domain", "slipway-test");
        fields.put("channel_id", channelId);
        fields.put("channel_name", "deploys");
        fields.put("user_id", userId);
        fields.put("user_name", userId.toLowerCase());
        fields.put("command", command);
        fields.put("text", text);
        fields.put("api_app_id", "A0SLIPWAY");
        fields.put("response_url", responseUrl);
        fields.put("trigger_id", triggerId);
        return fields;
    }

    /**
     * The {@code block_actions} payload of a click on a button of an approval message: the
     * action id names the decision ({@code approve} / {@code reject}), the value the approval.
     */
    public static String buttonClick(String channelId, String userId, String actionId, String approvalId,
                                     String messageTs, String responseUrl, String triggerId) {
        return resource("block-action.json")
                .replace("${channel}", channelId).replace("${user}", userId).replace("${action_id}", actionId)
                .replace("${approval_id}", approvalId).replace("${message_ts}", messageTs)
                .replace("${trigger_id}", triggerId).replace("${response_url}", responseUrl);
    }

    private static String resource(String name) {
        try (InputStream in = SlackPayloads.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("testkit resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
