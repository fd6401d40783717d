package dev.slipway.core.lint;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" for misspelled keys and names. */
final class Suggestions {

    private Suggestions() {
    }

    /** The candidate closest to {@code word} when it is close enough to be a likely typo. */
    static Optional<String> nearest(String word, Collection<String> candidates) {
        int allowed = Math.max(2, word.length() / 3);
        return candidates.stream()
                .filter(c -> distance(word, c) <= allowed || normalize(c).equals(normalize(word))
                        || word.length() >= 3 && normalize(c).startsWith(normalize(word)))
                .min(Comparator.comparingInt((String c) -> distance(word, c)));
    }

    /** "pre-build", "preBuild" and "PRE_BUILD" all mean pre_build. */
    private static String normalize(String word) {
        return word.replaceAll("[-_ ]", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** Levenshtein distance, case-insensitive. */
    static int distance(String a, String b) {
        String x = a.toLowerCase(java.util.Locale.ROOT);
        String y = b.toLowerCase(java.util.Locale.ROOT);
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }
}
