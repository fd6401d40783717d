package dev.slipway.functions.webhook;

import java.util.Locale;
import java.util.regex.Pattern;

/** What Slipway reads from commit messages. */
final class CommitMessages {

    /** The markers GitHub Actions, GitLab CI and Woodpecker honour to skip a push's build. */
    private static final Pattern SKIP = Pattern.compile("\\[(skip ci|ci skip|no ci|skip slipway|slipway skip)]");
    private static final String ZERO_SHA = "0000000000000000000000000000000000000000";

    private CommitMessages() {
    }

    static boolean asksToSkip(String message) {
        return message != null && SKIP.matcher(message.toLowerCase(Locale.ROOT)).find();
    }

    static String firstLine(String message) {
        if (message == null) {
            return null;
        }
        int end = message.indexOf('\n');
        String line = (end < 0 ? message : message.substring(0, end)).trim();
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    /** The all-zero object id providers send as "after" when a ref is deleted. */
    static boolean isZero(String sha) {
        return sha == null || ZERO_SHA.equals(sha);
    }
}
