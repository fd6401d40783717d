package dev.slipway.core.pipeline;

import java.time.Duration;
import java.util.List;

/**
 * How a deploy proves the new version works: the probe must succeed within {@code timeout}.
 */
public record HealthCheck(Probe probe, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public sealed interface Probe {
    }

    /** An HTTP GET of {@code path} on the service's port answered with a 2xx status. */
    public record HttpProbe(String path) implements Probe {
    }

    /** A command run in the deployed container that exits 0. */
    public record CommandProbe(List<String> command) implements Probe {
        public CommandProbe {
            command = List.copyOf(command);
        }
    }
}
