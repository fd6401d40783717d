package dev.slipway.core.pipeline;

import java.time.Duration;
import java.util.List;

/**
 * Readiness of a service container, with Docker's health check semantics: the stage's commands
 * start once {@code command} exited 0.
 */
public record ServiceHealthCheck(
        List<String> command, Duration interval, Duration timeout, int retries, Duration startPeriod) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_RETRIES = 30;

    public ServiceHealthCheck {
        command = List.copyOf(command);
    }
}
