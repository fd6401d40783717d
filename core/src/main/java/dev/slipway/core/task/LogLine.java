package dev.slipway.core.task;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a container's output, already masked, without its line terminator.
 *
 * @param time when the runner received the line
 * @param container the container's name in the task
 * @param stream which output stream it came from
 */
public record LogLine(Instant time, String container, Stream stream, String text) {

    public enum Stream { STDOUT, STDERR, RUNNER }

    public LogLine {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return time + " [" + container + "] " + text;
    }
}
