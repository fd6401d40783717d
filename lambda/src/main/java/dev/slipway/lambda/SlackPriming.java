package dev.slipway.lambda;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.aws_lambda.request.ApiGatewayRequest;
import com.slack.api.bolt.aws_lambda.response.ApiGatewayResponse;
import dev.slipway.bot.lambda.SlackEventsLambda;
import dev.slipway.functions.snapstart.SnapStartPriming;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * SnapStart priming of the bot: before Lambda takes the snapshot, one signed {@code /slipway help}
 * goes through the whole handler (API Gateway event, Bolt's verification, the retry guard's
 * DynamoDB claim, the command, the answer), so the classes and code paths of a real request are
 * loaded and initialised in the snapshot rather than on the first request after a restore. The
 * claim is a real row in the deliveries table, kept an hour like any request's.
 */
final class SlackPriming extends SnapStartPriming {

    private final SlackEventsLambda handler;
    private final String signingSecret;
    private final Clock clock;

    SlackPriming(SlackEventsLambda handler, String signingSecret, Clock clock) {
        this.handler = handler;
        this.signingSecret = signingSecret;
        this.clock = clock;
    }

    @Override
    protected String request() {
        return "/slipway help";
    }

    @Override
    public int prime() {
        String body = form(Map.of("command", "/slipway", "text", "help", "user_id", "USNAPSTART", "channel_id", "CSNAPSTART",
                "team_id", "TSNAPSTART", "trigger_id", "snapstart-priming-" + UUID.randomUUID()));
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        ApiGatewayRequest request = new ApiGatewayRequest();
        request.setHttpMethod("POST");
        request.setPath("/slack/events");
        request.setHeaders(Map.of("content-type", "application/x-www-form-urlencoded",
                SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP.toLowerCase(), timestamp,
                SlackSignature.HeaderNames.X_SLACK_SIGNATURE.toLowerCase(),
                new SlackSignature.Generator(signingSecret).generate(timestamp, body)));
        request.setBody(body);
        ApiGatewayResponse response = handler.handleRequest(request, null);
        return response == null ? 0 : response.getStatusCode();
    }

    private static String form(Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> form.append(form.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return form.toString();
    }
}
