package dev.slipway.bot.app;

import com.slack.api.bolt.aws_lambda.request.ApiGatewayRequest;
import dev.slipway.bot.lambda.SlackEventsLambda;
import dev.slipway.bot.message.ApprovalMessages;
import dev.slipway.bot.message.SlackContent;
import dev.slipway.bot.notify.MessageRef;
import dev.slipway.bot.notify.Messenger;
import dev.slipway.bot.notify.SlackMessenger;
import dev.slipway.core.approval.Approval;
import dev.slipway.core.approval.ApprovalState;
import dev.slipway.core.build.BuildId;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures how fast the bot acknowledges a signed {@code /deploy} and an Approve click over
 * loopback HTTP: in a fresh JVM (startup and the first request) and warm. Run by {@link AckLatencyIT} in a new JVM; prints one
 * {@code key=value} line per figure, in milliseconds.
 */
public final class AckTimer {

    private AckTimer() {
    }

    public static void main(String[] args) {
        int warm = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long setup = System.nanoTime();
        try (BotHarness bot = new BotHarness()) {
            long ready = System.nanoTime();
            System.out.println("jvm_to_ready_ms=" + (System.currentTimeMillis() - jvmStart));
            System.out.println("app_setup_ms=" + (ready - setup) / 1_000_000);
            System.out.println("first_ack_ms=" + time(bot, 0) / 1_000_000.0);
            List<Long> times = new ArrayList<>();
            for (int i = 1; i <= warm; i++) {
                times.add(time(bot, i));
            }
            Collections.sort(times);
            System.out.println("warm_p50_ms=" + times.get(times.size() / 2) / 1_000_000.0);
            System.out.println("warm_p95_ms=" + times.get((int) (times.size() * 0.95)) / 1_000_000.0);
            System.out.println("warm_max_ms=" + times.get(times.size() - 1) / 1_000_000.0);
            inProcess(bot, warm);
            System.out.println("actions_started=" + bot.actions.calls().size());
            clicks(bot, Math.min(warm, 100));
        }
    }

    /**
     * The same command through the Lambda handler in-process: Bolt's own time (verification, retry
     * guard, parsing, the port, the answer) without the test's HTTP hop, i.e. what a warm Lambda adds.
     */
    private static void inProcess(BotHarness bot, int count) {
        SlackEventsLambda lambda = new SlackEventsLambda(bot.app);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var signed = bot.command("U0ALICE", "/deploy", "api #" + (5000 + i) + " to staging");
            ApiGatewayRequest event = new ApiGatewayRequest();
            event.setHttpMethod("POST");
            event.setPath("/slack/events");
            Map<String, String> headers = new HashMap<>();
            signed.headers().forEach((k, v) -> headers.put(k.toLowerCase(), v));
            event.setHeaders(headers);
            event.setBody(signed.body());
            long start = System.nanoTime();
            int status = lambda.handleRequest(event, null).getStatusCode();
            times.add(System.nanoTime() - start);
            if (status != 200) {
                throw new IllegalStateException("in-process request " + i + " answered " + status);
            }
        }
        Collections.sort(times);
        System.out.println("in_process_p50_ms=" + times.get(times.size() / 2) / 1_000_000.0);
        System.out.println("in_process_p95_ms=" + times.get((int) (times.size() * 0.95)) / 1_000_000.0);
    }

    /** Approve clicks: judge, record, answer the pipeline, chat.update; the first one and warm ones. */
    private static void clicks(BotHarness bot, int count) {
        bot.slack.postingInterval(Duration.ZERO);
        Messenger slack = new SlackMessenger(SlipwayBotTestSupport.methods(bot), BotHarness.TOKEN, Duration.ZERO);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i <= count; i++) {
            BuildId build = BuildId.of("github-" + (1000 + i));
            Approval approval = new Approval(Approval.idFor(build, "deploy:production", "api"), build, "deploy:production",
                    "api", "token-" + i, List.of("U0ALICE"), 1, false, "U0REQUESTER", bot.clock.instant(),
                    bot.clock.instant().plus(Duration.ofHours(1)), List.of(), ApprovalState.OPEN, null, 0);
            bot.approvals.create(approval);
            MessageRef posted = slack.post(BotHarness.CHANNEL, new SlackContent("Approval needed", List.of()));
            var click = bot.click("U0ALICE", ApprovalMessages.APPROVE_ACTION, approval.id(), posted.ts());
            long start = System.nanoTime();
            HttpResponse<String> response = bot.send(click);
            long took = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("click " + i + " answered " + response.statusCode());
            }
            if (i == 0) {
                System.out.println("first_click_ms=" + took / 1_000_000.0);
            } else {
                times.add(took);
            }
        }
        Collections.sort(times);
        System.out.println("warm_click_p50_ms=" + times.get(times.size() / 2) / 1_000_000.0);
        System.out.println("warm_click_p95_ms=" + times.get((int) (times.size() * 0.95)) / 1_000_000.0);
        System.out.println("pipeline_answers=" + bot.callbacks.answers().size());
    }

    private static long time(BotHarness bot, int i) {
        var request = bot.command("U0ALICE", "/deploy", "api #" + i + " to staging");
        long start = System.nanoTime();
        HttpResponse<String> response = bot.send(request);
        long took = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("request " + i + " answered " + response.statusCode() + ": " + response.body());
        }
        return took;
    }
}
