package dev.slipway.bot.app;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures how fast the bot acknowledges a signed {@code /deploy} over loopback HTTP: in a fresh
 * JVM (startup and the first request) and warm. Run by {@link AckLatencyIT} in a new JVM; prints one
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
            System.out.println("actions_started=" + bot.actions.calls().size());
        }
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
