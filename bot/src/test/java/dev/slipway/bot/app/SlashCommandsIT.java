package dev.slipway.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.bot.command.SlashCommand;
import dev.slipway.bot.fakes.RecordingReleaseActions;
import dev.slipway.bot.release.StatusReport;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.ingress.DeliveryClaim;
import dev.slipway.core.ingress.DeliveryKey;
import dev.slipway.core.scm.Provider;
import dev.slipway.testkit.slack.SlackRequestSigner;
import dev.slipway.testkit.slack.SlackRequestSigner.SignedRequest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Signed slash commands over HTTP into the Bolt app, as Slack sends them. */
class SlashCommandsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BotHarness bot = new BotHarness(new StatusReport(
            List.of(new StatusReport.RunningBuild("github-43", "api", "main", "integration", Instant.parse("2026-11-22T10:00:00Z"))),
            List.of(new StatusReport.CurrentDeployment("api", "production", "localhost:5000/acme/api@sha256:" + "b".repeat(64),
                    "github-41", Instant.parse("2026-11-21T18:00:00Z"))),
            List.of()));

    @AfterEach
    void close() {
        bot.close();
    }

    private JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void deployIsHandedToTheReleasePortAndAnnouncedInTheChannel() throws Exception {
        JsonNode answer = ok(bot.send(bot.command("U0ALICE", "/deploy", "api #42 to production")));
        assertThat(answer.path("response_type").asText()).isEqualTo("in_channel");
        assertThat(answer.path("text").asText()).contains("Deploying api to production");
        assertThat(bot.actions.calls()).singleElement().satisfies(call -> {
            assertThat(call.command()).isEqualTo(new SlashCommand.Deploy("api",
                    Optional.of(new SlashCommand.BuildRef("42")), Optional.of("production")));
            assertThat(call.requester().userId()).isEqualTo("U0ALICE");
            assertThat(call.requester().channelId()).isEqualTo(BotHarness.CHANNEL);
            assertThat(call.requester().requestId()).startsWith("trigger-");
        });
    }

    @Test
    void rollbackBuildAndCancelReachTheirPort() throws Exception {
        ok(bot.send(bot.command("U0ALICE", "/rollback", "api production to #41")));
        ok(bot.send(bot.command("U0ALICE", "/build", "acme/api feature/x")));
        ok(bot.send(bot.command("U0ALICE", "/cancel", "#43")));
        assertThat(bot.actions.calls()).extracting(RecordingReleaseActions.Call::command).containsExactly(
                new SlashCommand.Rollback("api", Optional.of("production"), Optional.of(new SlashCommand.BuildRef("41"))),
                new SlashCommand.Build("acme/api", Optional.of("feature/x")),
                new SlashCommand.Cancel(new SlashCommand.BuildRef("43")));
    }

    @Test
    void statusAnswersPrivatelyFromTheReadSide() throws Exception {
        JsonNode answer = ok(bot.send(bot.command("U0ALICE", "/status", "")));
        assertThat(answer.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(answer.path("blocks").toString()).contains("github-43", "integration", "production", "sha256:bbbb");
        assertThat(bot.actions.calls()).isEmpty();
    }

    @Test
    void helpListsEveryCommand() throws Exception {
        JsonNode answer = ok(bot.send(bot.command("U0ALICE", "/slipway", "help")));
        assertThat(answer.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(answer.path("blocks").toString()).contains("/deploy", "/rollback", "/build", "/status", "/cancel");
    }

    @ParameterizedTest(name = "{0} ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "/deploy   | ''                       | needs a service",
        "/deploy   | api main production      | Expected `to <env>`",
        "/rollback | api production to latest | neither a build",
        "/build    | api                      | is not a repository",
        "/status   | Api_Service              | neither a service name",
        "/cancel   | ''                       | needs the build to stop",
        "/slipway  | launch                   | is not a Slipway command",
    })
    void malformedCommandsAreExplainedPrivatelyAndStartNothing(String command, String text, String problem) throws Exception {
        JsonNode answer = ok(bot.send(bot.command("U0ALICE", command.trim(), text.trim())));
        assertThat(answer.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(answer.path("text").asText()).contains(problem);
        assertThat(answer.path("blocks").toString()).contains("Nothing was started", "`/");
        assertThat(bot.actions.calls()).isEmpty();
    }

    @Test
    void aRefusalFromThePortIsExplainedPrivately() throws Exception {
        JsonNode deploy = ok(bot.send(bot.command("U0ALICE", "/deploy", "billing to production")));
        JsonNode cancel = ok(bot.send(bot.command("U0ALICE", "/cancel", "#done")));
        JsonNode status = ok(bot.send(bot.command("U0ALICE", "/status", "ghost")));
        assertThat(deploy.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(deploy.path("text").asText()).contains("no service `billing`");
        assertThat(cancel.path("text").asText()).contains("already finished");
        assertThat(status.path("text").asText()).contains("No service `ghost`");
        assertThat(bot.actions.calls()).isEmpty();
    }

    @Test
    void slacksRetriesOfACommandStartNothingTwice() throws Exception {
        SignedRequest first = bot.command("U0ALICE", "/deploy", "api to staging");
        ok(bot.send(first));
        HttpResponse<String> retry1 = bot.send(first.retry(1, "http_timeout"));
        HttpResponse<String> retry2 = bot.send(first.retry(2, "http_timeout"));
        assertThat(retry1.statusCode()).isEqualTo(200);
        assertThat(retry2.statusCode()).isEqualTo(200);
        assertThat(bot.actions.calls()).hasSize(1);
    }

    @Test
    void aBadSignatureIsRejectedBeforeAnythingElse() {
        SignedRequest signed = bot.command("U0ALICE", "/deploy", "api to production");
        SignedRequest forged = new SignedRequest(signed.body(), signed.contentType(), Map.of(
                "Content-Type", signed.contentType(),
                "X-Slack-Request-Timestamp", signed.headers().get("X-Slack-Request-Timestamp"),
                "X-Slack-Signature", "v0=" + "0".repeat(64)));
        assertThat(bot.send(forged).statusCode()).isEqualTo(401);
        assertNothingHappened();
    }

    @Test
    void aTamperedBodyFailsItsSignature() {
        SignedRequest signed = bot.command("U0ALICE", "/deploy", "api to staging");
        SignedRequest tampered = new SignedRequest(signed.body().replace("staging", "production"),
                signed.contentType(), signed.headers());
        assertThat(bot.send(tampered).statusCode()).isEqualTo(401);
        assertNothingHappened();
    }

    @Test
    void aStaleTimestampIsRejectedEvenWithAValidSignature() {
        Map<String, String> fields = bot.commandFields("U0ALICE", "/deploy", "api to production");
        String body = SlackRequestSigner.form(fields);
        SignedRequest stale = bot.signer.signAt(Instant.now().minusSeconds(6 * 60), body, "application/x-www-form-urlencoded");
        assertThat(bot.send(stale).statusCode()).isEqualTo(401);
        SignedRequest fresh = bot.signer.signAt(Instant.now().minusSeconds(4 * 60), body, "application/x-www-form-urlencoded");
        assertThat(bot.send(fresh).statusCode()).as("inside the 5-minute window").isEqualTo(200);
        assertThat(bot.actions.calls()).hasSize(1);
    }

    @Test
    void anUnsignedRequestIsRejected() {
        SignedRequest signed = bot.command("U0ALICE", "/deploy", "api to production");
        SignedRequest unsigned = new SignedRequest(signed.body(), signed.contentType(), Map.of("Content-Type", signed.contentType()));
        assertThat(bot.send(unsigned).statusCode()).isEqualTo(401);
        assertNothingHappened();
    }

    @Test
    void theEventsRouteServesOnlyPostAndBoundsTheBody() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(bot.eventsUrl()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        String huge = "text=" + "x".repeat(SlackEventsHttpHandler.MAX_BODY_BYTES);
        HttpResponse<String> tooBig = http.send(HttpRequest.newBuilder(bot.eventsUrl())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(huge)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertNothingHappened();
    }

    private void assertNothingHappened() {
        assertThat(bot.actions.calls()).isEmpty();
        assertThat(bot.slack.calls()).as("not even auth.test: verification comes first").isEmpty();
        DeliveryClaim probe = bot.ledger.claim(new DeliveryKey(Provider.SLACK, "trigger-1"), BuildId.of("probe"),
                bot.clock.instant(), Duration.ofSeconds(1));
        assertThat(probe).as("the retry ledger never saw the request").isEqualTo(new DeliveryClaim.Claimed(false));
    }
}
