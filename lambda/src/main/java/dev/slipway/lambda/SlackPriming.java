package dev.slipway.lambda;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.aws_lambda.request.ApiGatewayRequest;
import com.slack.api.bolt.aws_lambda.response.ApiGatewayResponse;
import dev.slipway.bot.lambda.SlackEventsLambda;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming of the bot: before Lambda takes the snapshot, one signed {@code /slipway help}
 * goes through the whole handler (API Gateway event, Bolt's verification, the retry guard's
 * DynamoDB claim, the command, the answer), so the classes and code paths of a real request are
 * loaded and initialised in the snapshot rather than on the first request after a restore. The
 * claim is a real row in the deliveries table, kept an hour like any request's. A priming that
 * fails is logged and does not stop the snapshot: the function still works, only colder.
 */
final class SlackPriming implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(SlackPriming.class);

    private final SlackEventsLambda handler;
    private final String signingSecret;
    private final Clock clock;

    SlackPriming(SlackEventsLambda handler, String signingSecret, Clock clock) {
        this.handler = handler;
        this.signingSecret = signingSecret;
        this.clock = clock;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            int status = prime();
            if (status != 200) {
                LOG.warn("SnapStart priming: /slipway help was answered {}, not 200", status);
            }
        } catch (RuntimeException e) {
            LOG.warn("SnapStart priming failed; the snapshot is taken unprimed", e);
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: clients open new connections as they need them.
    }

    /** Runs the priming request and returns the handler's HTTP status. */
    int prime() {
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
