package dev.slipway.testkit.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fake answers as api.slack.com documents: same error codes, same HTTP statuses (200 with
 * {@code ok:false} for errors, 429 with {@code Retry-After} when rate limited), same shapes.
 * Loopback only, in-process: no network beyond 127.0.0.1.
 */
class SlackWebApiServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOT = "xoxb-test-bot";
    private static final String NO_CHAT = "xoxb-no-chat-write";

    private final HttpClient http = HttpClient.newHttpClient();
    private SlackWebApiServer slack;

    @BeforeEach
    void start() {
        slack = SlackWebApiServer.start()
                .token(BOT, SlackWebApiServer.BOT_SCOPES, "U0BOT")
                .token(NO_CHAT, Set.of("commands"), "U0BOT2")
                .channel("C0DEPLOYS", "deploys")
                .channel("C0OTHER", "other")
                .userGroup("S0PLATFORM", List.of("U0ALICE", "U0BOB"));
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void authTestReportsTheBotIdentity() throws Exception {
        JsonNode answer = form("auth.test", BOT, Map.of()).body;
        assertThat(answer.path("ok").asBoolean()).isTrue();
        assertThat(answer.path("user_id").asText()).isEqualTo("U0BOT");
        assertThat(answer.path("team_id").asText()).isEqualTo("T0SLIPWAY");
        assertThat(answer.path("bot_id").asText()).startsWith("B");
    }

    @Test
    void noTokenIsNotAuthedAndAnUnknownTokenIsInvalidAuth() throws Exception {
        Answer none = form("chat.postMessage", null, Map.of("channel", "C0DEPLOYS", "text", "hi"));
        Answer unknown = form("chat.postMessage", "xoxb-forged", Map.of("channel", "C0DEPLOYS", "text", "hi"));
        assertThat(none.status).isEqualTo(200);
        assertThat(none.body.path("ok").asBoolean()).isFalse();
        assertThat(none.body.path("error").asText()).isEqualTo("not_authed");
        assertThat(unknown.body.path("error").asText()).isEqualTo("invalid_auth");
        assertThat(slack.messages()).isEmpty();
    }

    @Test
    void aTokenInTheFormBodyIsAcceptedButNotInAJsonBody() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("channel", "C0DEPLOYS", "text", "hi", "token", BOT));
        assertThat(form("chat.postMessage", null, fields).body.path("ok").asBoolean()).isTrue();
        Answer json = json("chat.postMessage", null, "{\"channel\":\"C0DEPLOYS\",\"text\":\"hi\",\"token\":\"" + BOT + "\"}");
        assertThat(json.body.path("error").asText()).isEqualTo("not_authed");
    }

    @Test
    void aTokenWithoutTheScopeGetsMissingScopeWithNeededAndProvided() throws Exception {
        JsonNode answer = form("chat.postMessage", NO_CHAT, Map.of("channel", "C0DEPLOYS", "text", "hi")).body;
        assertThat(answer.path("error").asText()).isEqualTo("missing_scope");
        assertThat(answer.path("needed").asText()).isEqualTo("chat:write");
        assertThat(answer.path("provided").asText()).isEqualTo("commands");
    }

    @Test
    void postMessageResolvesAChannelNameAndAnswersChannelIdAndTs() throws Exception {
        JsonNode answer = form("chat.postMessage", BOT, Map.of("channel", "#deploys", "text", "build 42")).body;
        assertThat(answer.path("ok").asBoolean()).isTrue();
        assertThat(answer.path("channel").asText()).isEqualTo("C0DEPLOYS");
        assertThat(answer.path("ts").asText()).matches("\\d+\\.\\d{6}");
        assertThat(answer.path("message").path("text").asText()).isEqualTo("build 42");
        assertThat(slack.messagesIn("C0DEPLOYS")).singleElement()
                .satisfies(m -> assertThat(m.text()).isEqualTo("build 42"));
    }

    @Test
    void postMessageChecksChannelAndContent() throws Exception {
        assertThat(form("chat.postMessage", BOT, Map.of("channel", "C0NOPE", "text", "x")).body.path("error").asText())
                .isEqualTo("channel_not_found");
        assertThat(form("chat.postMessage", BOT, Map.of("text", "x")).body.path("error").asText())
                .isEqualTo("channel_not_found");
        assertThat(form("chat.postMessage", BOT, Map.of("channel", "C0DEPLOYS")).body.path("error").asText())
                .isEqualTo("no_text");
        assertThat(form("chat.postMessage", BOT, Map.of("channel", "C0DEPLOYS", "blocks", "[{")).body.path("error").asText())
                .isEqualTo("invalid_blocks_format");
        assertThat(form("chat.postMessage", BOT, Map.of("channel", "C0DEPLOYS", "blocks", fixture("blocks-section-too-long.json")))
                .body.path("error").asText()).isEqualTo("invalid_blocks");
        assertThat(slack.messages()).isEmpty();
    }

    @Test
    void blocksAloneAreEnoughAndButtonsCanBeReadBack() throws Exception {
        JsonNode answer = json("chat.postMessage", BOT,
                "{\"channel\":\"C0DEPLOYS\",\"blocks\":" + fixture("blocks-section.json") + "}").body;
        assertThat(answer.path("ok").asBoolean()).isTrue();
        SlackMessage posted = slack.messagesIn("C0DEPLOYS").get(0);
        assertThat(posted.visibleText()).contains("build 42 started");
        assertThat(posted.buttonValue("approve")).isEqualTo("ap-1");
    }

    @Test
    void updateNeedsAnExistingTsAndAChannelId() throws Exception {
        String ts = form("chat.postMessage", BOT, Map.of("channel", "C0DEPLOYS", "text", "v1")).body.path("ts").asText();
        assertThat(form("chat.update", BOT, Map.of("channel", "C0DEPLOYS", "ts", "1.000001", "text", "v2"))
                .body.path("error").asText()).isEqualTo("message_not_found");
        assertThat(form("chat.update", BOT, Map.of("channel", "#deploys", "ts", ts, "text", "v2"))
                .body.path("error").asText()).isEqualTo("channel_not_found");
        assertThat(form("chat.update", BOT, Map.of("channel", "C0DEPLOYS", "ts", ts)).body.path("error").asText())
                .isEqualTo("no_text");
        JsonNode updated = form("chat.update", BOT, Map.of("channel", "C0DEPLOYS", "ts", ts, "text", "v2")).body;
        assertThat(updated.path("ok").asBoolean()).isTrue();
        assertThat(updated.path("ts").asText()).isEqualTo(ts);
        assertThat(slack.messagesIn("C0DEPLOYS")).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("v2");
            assertThat(m.revision()).isEqualTo(1);
        });
    }

    @Test
    void threadRepliesNeedAnExistingParent() throws Exception {
        String ts = form("chat.postMessage", BOT, Map.of("channel", "C0DEPLOYS", "text", "parent")).body.path("ts").asText();
        slack.postingInterval(Duration.ZERO);
        assertThat(form("chat.postMessage", BOT, Map.of("channel", "C0DEPLOYS", "text", "r", "thread_ts", "9.000009"))
                .body.path("error").asText()).isEqualTo("thread_not_found");
        assertThat(form("chat.postMessage", BOT, Map.of("channel", "C0DEPLOYS", "text", "reply", "thread_ts", ts))
                .body.path("ok").asBoolean()).isTrue();
        assertThat(slack.threadReplies("C0DEPLOYS", ts)).extracting(SlackMessage::text).containsExactly("reply");
        assertThat(slack.messagesIn("C0DEPLOYS")).extracting(SlackMessage::text).containsExactly("parent");
    }

    @Test
    void aSecondPostToOneChannelWithinTheIntervalIsRateLimitedWithRetryAfter() throws Exception {
        assertThat(form("chat.postMessage", BOT, Map.of("channel", "C0DEPLOYS", "text", "1")).status).isEqualTo(200);
        Answer limited = form("chat.postMessage", BOT, Map.of("channel", "C0DEPLOYS", "text", "2"));
        assertThat(limited.status).isEqualTo(429);
        assertThat(limited.retryAfter).isEqualTo("1");
        assertThat(limited.body.path("error").asText()).isEqualTo("ratelimited");
        assertThat(form("chat.postMessage", BOT, Map.of("channel", "C0OTHER", "text", "3")).status).isEqualTo(200);
        assertThat(slack.messages()).extracting(SlackMessage::text).containsExactly("1", "3");
    }

    @Test
    void postEphemeralNeedsAUserAndIsRecordedApart() throws Exception {
        assertThat(form("chat.postEphemeral", BOT, Map.of("channel", "C0DEPLOYS", "text", "x")).body.path("error").asText())
                .isEqualTo("user_not_in_channel");
        JsonNode answer = form("chat.postEphemeral", BOT, Map.of("channel", "C0DEPLOYS", "user", "U0ALICE", "text", "only you")).body;
        assertThat(answer.path("message_ts").asText()).isNotEmpty();
        assertThat(slack.ephemerals()).containsExactly(new SlackEphemeral("C0DEPLOYS", "U0ALICE", "only you", null));
        assertThat(slack.messages()).isEmpty();
    }

    @Test
    void userGroupMembersAreListedAndUnknownGroupsAreNoSuchSubteam() throws Exception {
        JsonNode answer = form("usergroups.users.list", BOT, Map.of("usergroup", "S0PLATFORM")).body;
        assertThat(answer.path("users")).extracting(JsonNode::asText).containsExactly("U0ALICE", "U0BOB");
        assertThat(form("usergroups.users.list", BOT, Map.of("usergroup", "S0NOPE")).body.path("error").asText())
                .isEqualTo("no_such_subteam");
        assertThat(form("usergroups.users.list", NO_CHAT, Map.of("usergroup", "S0PLATFORM")).body.path("needed").asText())
                .isEqualTo("usergroups:read");
    }

    @Test
    void bodiesWithoutOrWithAnUnknownContentTypeAreRejected() throws Exception {
        HttpResponse<String> none = http.send(HttpRequest.newBuilder(URI.create(slack.methodsUrlPrefix() + "auth.test"))
                .header("Authorization", "Bearer " + BOT).POST(HttpRequest.BodyPublishers.ofString("x=1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(none.body()).path("error").asText()).isEqualTo("missing_post_type");
        HttpResponse<String> xml = http.send(HttpRequest.newBuilder(URI.create(slack.methodsUrlPrefix() + "auth.test"))
                .header("Authorization", "Bearer " + BOT).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<x/>")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(xml.body()).path("error").asText()).isEqualTo("invalid_post_type");
    }

    @Test
    void anUnknownMethodIs404UnknownMethod() throws Exception {
        Answer answer = form("chat.explode", BOT, Map.of());
        assertThat(answer.status).isEqualTo(404);
        assertThat(answer.body.path("error").asText()).isEqualTo("unknown_method");
    }

    @Test
    void everyCallIsRecordedWithItsOutcome() throws Exception {
        form("chat.postMessage", BOT, Map.of("channel", "C0DEPLOYS", "text", "x"));
        form("chat.postMessage", "xoxb-forged", Map.of("channel", "C0DEPLOYS", "text", "y"));
        assertThat(slack.calls("chat.postMessage")).extracting(SlackCall::error).containsExactly(null, "invalid_auth");
    }

    @Test
    void responseUrlsRecordJsonBodies() throws Exception {
        String url = slack.newResponseUrl();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"done\",\"response_type\":\"ephemeral\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(slack.responses()).singleElement().satisfies(r -> assertThat(r.path("text").asText()).isEqualTo("done"));
    }

    private record Answer(int status, String retryAfter, JsonNode body) {
    }

    private Answer form(String method, String token, Map<String, String> fields) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(slack.methodsUrlPrefix() + method))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(SlackRequestSigner.form(fields)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private Answer json(String method, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(slack.methodsUrlPrefix() + method))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                JSON.readTree(response.body()));
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = SlackWebApiServerTest.class.getResourceAsStream("/slack/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
