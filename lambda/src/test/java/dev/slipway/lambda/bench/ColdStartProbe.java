package dev.slipway.lambda.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.slack.api.bolt.aws_lambda.request.ApiGatewayRequest;
import dev.slipway.functions.webhook.WebhookHandler;
import dev.slipway.lambda.BotLambda;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Runs in a fresh JVM on a Lambda jar (plus this class), as Lambda's init and first invoke would:
 * builds one handler from the environment and answers one request, then prints
 * {@code init=<ms> first=<ms> status=<code>} with times from the JVM's start. {@link ColdStartBench} drives it.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        String status;
        long init;
        switch (args[0]) {
            case "bot" -> {
                BotLambda bot = new BotLambda();
                init = System.currentTimeMillis() - jvmStart;
                status = String.valueOf(bot.handleRequest(slackCommand(System.getenv("PROBE_SIGNING_SECRET")), null).getStatusCode());
            }
            case "webhook" -> {
                WebhookHandler webhook = new WebhookHandler();
                init = System.currentTimeMillis() - jvmStart;
                status = String.valueOf(webhook.handleRequest(gitlabPush(args[1]), null).getStatusCode());
            }
            default -> throw new IllegalArgumentException("bot or webhook, not " + args[0]);
        }
        long first = System.currentTimeMillis() - jvmStart;
        System.out.println("init=" + init + " first=" + first + " status=" + status);
    }

    private static ApiGatewayRequest slackCommand(String signingSecret) throws Exception {
        String body = "command=%2Fslipway&text=help&user_id=U0ALICE&channel_id=C0DEPLOYS&team_id=T0SLIPWAY&trigger_id=t1";
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        ApiGatewayRequest request = new ApiGatewayRequest();
        request.setHttpMethod("POST");
        request.setPath("/slack/events");
        request.setHeaders(Map.of("content-type", "application/x-www-form-urlencoded", "x-slack-request-timestamp", timestamp,
                "x-slack-signature", signature));
        request.setBody(body);
        return request;
    }

    private static APIGatewayV2HTTPEvent gitlabPush(String payloadFile) throws Exception {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRawPath("/webhooks/gitlab");
        event.setHeaders(Map.of("content-type", "application/json", "x-gitlab-token", System.getenv("PROBE_GITLAB_TOKEN"),
                "x-gitlab-event", "Push Hook", "x-gitlab-event-uuid", "probe-" + System.nanoTime()));
        event.setBody(Files.readString(Path.of(payloadFile)));
        return event;
    }
}
