package dev.slipway.bot.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.aws_lambda.request.ApiGatewayRequest;
import com.slack.api.bolt.aws_lambda.response.ApiGatewayResponse;
import dev.slipway.bot.app.BotHarness;
import dev.slipway.testkit.slack.SlackRequestSigner.SignedRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Lambda adapter with API Gateway events shaped as the HTTP API sends them (payload format 1.0). */
class SlackEventsLambdaIT {

    private final BotHarness bot = new BotHarness();
    private final SlackEventsLambda lambda = new SlackEventsLambda(bot.app);

    @AfterEach
    void close() {
        bot.close();
    }

    private static ApiGatewayRequest event(SignedRequest signed, boolean base64) {
        ApiGatewayRequest request = new ApiGatewayRequest();
        request.setHttpMethod("POST");
        request.setPath("/slack/events");
        request.setResource("/slack/events");
        Map<String, String> headers = new HashMap<>();
        // API Gateway HTTP APIs lower-case header names.
        signed.headers().forEach((k, v) -> headers.put(k.toLowerCase(), v));
        request.setHeaders(headers);
        request.setBody(base64 ? Base64.getEncoder().encodeToString(signed.body().getBytes(StandardCharsets.UTF_8)) : signed.body());
        request.setBase64Encoded(base64);
        return request;
    }

    @Test
    void aSignedCommandIsAnsweredThroughTheLambdaHandler() {
        ApiGatewayResponse response = lambda.handleRequest(event(bot.command("U0ALICE", "/deploy", "api to staging"), false), null);
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("Deploying api to staging");
        assertThat(bot.actions.calls()).hasSize(1);
    }

    @Test
    void aBase64EncodedBodyIsDecodedBeforeVerification() {
        ApiGatewayResponse response = lambda.handleRequest(event(bot.command("U0ALICE", "/slipway", "help"), true), null);
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("/rollback");
    }

    @Test
    void aForgedRequestGets401AndStartsNothing() {
        SignedRequest signed = bot.command("U0ALICE", "/deploy", "api to production");
        SignedRequest forged = new SignedRequest(signed.body().replace("production", "staging"), signed.contentType(), signed.headers());
        ApiGatewayResponse response = lambda.handleRequest(event(forged, false), null);
        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(bot.actions.calls()).isEmpty();
    }

    @Test
    void aWarmupInvocationAnswersNothing() {
        assertThat(lambda.handleRequest(new ApiGatewayRequest(), null)).isNull();
        assertThat(bot.actions.calls()).isEmpty();
    }
}
