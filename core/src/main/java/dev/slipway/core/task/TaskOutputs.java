package dev.slipway.core.task;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a container reports a value back to the runner: one marker line in its output. Markers work
 * the same on every provider because every provider collects the output (Docker logs locally,
 * CloudWatch Logs in the cloud).
 */
public final class TaskOutputs {

    /** Printed by {@code slipway-builder build-image} after a push, followed by {@code sha256:<hex>}. */
    public static final String DIGEST_MARKER = "slipway:digest=";

    private static final Pattern DIGEST = Pattern.compile(Pattern.quote(DIGEST_MARKER) + "(sha256:[0-9a-f]{64})");

    private TaskOutputs() {
    }

    public static String digestLine(String digest) {
        return DIGEST_MARKER + digest;
    }

    /** The digest on this line, if it is a digest marker line. */
    public static Optional<String> digestIn(String line) {
        Matcher m = DIGEST.matcher(line);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
