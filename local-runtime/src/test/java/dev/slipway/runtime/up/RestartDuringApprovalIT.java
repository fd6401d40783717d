package dev.slipway.runtime.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.testkit.slack.SlackMessage;
import dev.slipway.testkit.slack.SlackPayloads;
import dev.slipway.testkit.slack.SlackRequestSigner;
import dev.slipway.testkit.slack.SlackWebApiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slipway up} killed with SIGKILL while a build waits for an approval, then started again:
 * the approval posted before the kill still works, and the build continues to SUCCEEDED without
 * asking again.
 */
class RestartDuringApprovalIT {

    private static final String SIGNING_SECRET = "it-slack-signing-secret";
    private static final String CHANNEL = "C0DEPLOYS";

    @TempDir
    Path dir;
    private final SlackWebApiServer slack = SlackWebApiServer.start()
            .token("xoxb-it", SlackWebApiServer.BOT_SCOPES, "U0SLIPWAY").channel(CHANNEL, "deploys");

    @AfterEach
    void stopSlack() {
        slack.close();
    }

    @Test
    void anApprovalAskedBeforeAKillIsAnsweredAfterTheRestartAndTheBuildSucceeds() throws Exception {
        Path repo = dir.resolve("api");
        String commit = UpFixture.repository(repo, "approval-repo");
        Path config = UpFixture.config(dir, repo);
        Path data = dir.resolve("data");
        Map<String, String> env = new HashMap<>(UpFixture.env());
        env.put("SLIPWAY_SLACK_SIGNING_SECRET", SIGNING_SECRET);
        env.put("SLIPWAY_SLACK_BOT_TOKEN", "xoxb-it");
        env.put("SLIPWAY_SLACK_API_URL", slack.methodsUrlPrefix());
        String buildId;
        SlackMessage request;
        try (UpProcess first = UpProcess.start(data, config, env)) {
            buildId = parse(UpFixture.push(first.base(), "approval-1", commit, UpFixture.SECRET).body()).path("buildId").asText();
            String id = buildId;
            await("the build to wait for its approval").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> parse(UpFixture.get(first.base(), "api/builds/" + id).body()).path("status").asText(),
                            "WAITING_APPROVAL"::equals);
            request = await("the approval request in Slack").atMost(Duration.ofSeconds(30))
                    .until(this::approvalRequest, m -> m != null);
            first.kill();
        }

        try (UpProcess second = UpProcess.start(data, config, env)) {
            URI base = second.base();
            HttpResponse<String> click = click(base, request);
            assertThat(click.statusCode()).as(click.body()).isEqualTo(200);
            String id = buildId;
            JsonNode build = await("the approved build to end").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> parse(UpFixture.get(base, "api/builds/" + id).body()),
                            b -> b.path("status").asText().matches("SUCCEEDED|FAILED|CANCELLED|ROLLED_BACK"));
            assertThat(build.path("status").asText()).as(build.toPrettyString() + "\n" + second.output()).isEqualTo("SUCCEEDED");
            // The message itself was updated with the decision; what was posted shows how often it was asked.
            assertThat(slack.calls("chat.postMessage")).filteredOn(c -> String.valueOf(c.params().get("blocks"))
                    .contains("slipway_approve")).as("asked once, not again after the restart").hasSize(1);
        }
    }

    /** The first message with an Approve button, or null. */
    private SlackMessage approvalRequest() {
        return slack.messages().stream().filter(m -> approvalId(m) != null).findFirst().orElse(null);
    }

    private static String approvalId(SlackMessage message) {
        if (message.blocks() == null) {
            return null;
        }
        return message.blocks().findParents("action_id").stream()
                .filter(b -> b.path("action_id").asText().equals("slipway_approve"))
                .map(b -> b.path("value").asText()).findFirst().orElse(null);
    }

    private HttpResponse<String> click(URI base, SlackMessage request) throws Exception {
        String payload = SlackPayloads.buttonClick(CHANNEL, "U0ALICE", "slipway_approve", approvalId(request), request.ts(),
                slack.newResponseUrl(), "trigger-1");
        SlackRequestSigner.SignedRequest signed = new SlackRequestSigner(SIGNING_SECRET).interaction(payload);
        return HttpClient.newHttpClient().send(signed.post(base.resolve("slack/events")), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode parse(String text) {
        try {
            return SlipwayJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
