package dev.slipway.runtime.asl.model;

import java.util.List;

/** One entry of a state's {@code Retry} list, with AWS's defaults already applied. */
public record Retrier(
        List<String> errorEquals,
        double intervalSeconds,
        int maxAttempts,
        double backoffRate,
        Long maxDelaySeconds,
        boolean fullJitter) {
}
