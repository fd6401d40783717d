package dev.slipway.testkit.slack;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slack's special limit on posting: "chat.postMessage ... generally allows an app to post 1
 * message per second to a specific channel" (api.slack.com/apis/rate-limits), answered with
 * HTTP 429 and a {@code Retry-After} header in seconds. The interval is configurable; zero turns
 * the limit off.
 */
final class ChannelRateLimiter {

    private final Map<String, Long> lastPostNanos = new ConcurrentHashMap<>();
    private volatile long intervalNanos;

    ChannelRateLimiter(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    void interval(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /** 0 when the post may go ahead (and is counted), else the seconds to wait, at least 1. */
    synchronized long acquire(String channel) {
        long now = System.nanoTime();
        Long last = lastPostNanos.get(channel);
        if (intervalNanos > 0 && last != null && now - last < intervalNanos) {
            long waitNanos = intervalNanos - (now - last);
            return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        }
        lastPostNanos.put(channel, now);
        return 0;
    }
}
