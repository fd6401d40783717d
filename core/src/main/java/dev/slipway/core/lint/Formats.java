package dev.slipway.core.lint;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** The small value formats of the file: durations, sizes, names and workspace paths. */
final class Formats {

    private static final Pattern DURATION = Pattern.compile("(?:(\\d{1,5})d)?(?:(\\d{1,5})h)?(?:(\\d{1,5})m)?(?:(\\d{1,7})s)?");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,7})(Mi|Gi)?");
    /** RFC 1123 label, as Docker networks, ECS and Kubernetes accept for names. */
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    static final String DURATION_HINT = "write a duration such as 90s, 10m, 1h30m or 1d";

    private Formats() {
    }

    /** {@code 90s}, {@code 10m}, {@code 1h30m}, {@code 2h}, {@code 1d}: units in that order, each at most once. */
    static Optional<Duration> duration(Node node, String path, Problems problems, boolean zeroAllowed) {
        if (!(node instanceof ScalarNode scalar) || scalar.getTag() == Tag.NULL) {
            Values.wrongType(node, path, problems, "a duration such as 10m", DURATION_HINT);
            return Optional.empty();
        }
        String text = scalar.getValue().trim();
        Matcher m = DURATION.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            String hint = text.matches("\\d+") ? "add a unit: " + text + "s or " + text + "m" : DURATION_HINT;
            problems.error(node, path, "invalid-duration", "`" + path + "` is \"" + text + "\", not a duration", hint);
            return Optional.empty();
        }
        Duration d = Duration.ofDays(group(m, 1)).plusHours(group(m, 2)).plusMinutes(group(m, 3)).plusSeconds(group(m, 4));
        if (d.isZero() && !zeroAllowed) {
            problems.error(node, path, "invalid-duration", "`" + path + "` must be longer than 0s", DURATION_HINT);
            return Optional.empty();
        }
        return Optional.of(d);
    }

    private static long group(Matcher m, int group) {
        return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
    }

    /** Memory in MiB: {@code 512Mi}, {@code 2Gi}, or a plain number of MiB. */
    static Optional<Long> sizeMib(Node node, String path, Problems problems) {
        if (!(node instanceof ScalarNode scalar) || !(scalar.getTag() == Tag.STR || scalar.getTag() == Tag.INT)) {
            Values.wrongType(node, path, problems, "a size such as 512Mi or 2Gi", null);
            return Optional.empty();
        }
        Matcher m = SIZE.matcher(scalar.getValue().trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            problems.error(node, path, "invalid-size", "`" + path + "` is \"" + scalar.getValue()
                    + "\", not a size", "write a size in Mi or Gi, such as 512Mi or 2Gi (a plain number is MiB)");
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        return Optional.of("Gi".equals(m.group(2)) ? amount * 1024 : amount);
    }

    static boolean isDnsLabel(String name) {
        return DNS_LABEL.matcher(name).matches();
    }

    static boolean isEnvName(String name) {
        return ENV_NAME.matcher(name).matches();
    }

    /** A name made valid as a DNS label, to suggest in hints. */
    static String toDnsLabel(String name) {
        String label = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^-+|-+$", "");
        label = label.length() > 63 ? label.substring(0, 63).replaceAll("-+$", "") : label;
        return label.isEmpty() ? "service" : label;
    }

    /** Why a workspace-relative output path escapes the workspace, or empty when it stays inside. */
    static Optional<String> escapesWorkspace(String output) {
        if (output.startsWith("/") || output.startsWith("\\") || output.matches("[A-Za-z]:.*")) {
            return Optional.of("is an absolute path");
        }
        if (output.startsWith("~")) {
            return Optional.of("points into a home directory");
        }
        try {
            Path normalized = Path.of(output).normalize();
            if (normalized.startsWith("..")) {
                return Optional.of("climbs out of the workspace with `..`");
            }
        } catch (InvalidPathException e) {
            return Optional.of("is not a valid path (" + e.getReason() + ")");
        }
        return Optional.empty();
    }
}
