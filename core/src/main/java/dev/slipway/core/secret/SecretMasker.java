package dev.slipway.core.secret;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces secret values in output with {@value #MASK}: each value as is, its base64 forms
 * (standard and URL-safe, with and without padding) and its URL-encoded forms ({@code +} and
 * {@code %20} for spaces), because tools print credentials in all of these (basic auth headers,
 * URLs with tokens).
 *
 * <p>Immutable and thread-safe; each {@link Stream} is for one thread.
 */
public final class SecretMasker {

    public static final String MASK = "***";

    /** Longest first, so that a value containing another is masked whole. */
    private final List<String> patterns;
    private final int longest;

    private SecretMasker(Collection<String> values) {
        Set<String> forms = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null || value.isEmpty()) {
                continue;
            }
            forms.addAll(formsOf(value));
        }
        List<String> sorted = new ArrayList<>(forms);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.patterns = List.copyOf(sorted);
        this.longest = sorted.isEmpty() ? 0 : sorted.get(0).length();
    }

    public static SecretMasker of(Collection<String> values) {
        return new SecretMasker(values);
    }

    public static SecretMasker none() {
        return new SecretMasker(List.of());
    }

    private static Set<String> formsOf(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        Set<String> forms = new LinkedHashSet<>();
        forms.add(value);
        forms.add(Base64.getEncoder().encodeToString(bytes));
        forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
        forms.add(Base64.getUrlEncoder().encodeToString(bytes));
        forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        String formEncoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        forms.add(formEncoded);
        forms.add(formEncoded.replace("+", "%20"));
        // A multi-line value (a key file) is usually printed line by line.
        for (String line : value.split("\r?\n")) {
            if (!line.isBlank()) {
                forms.add(line);
            }
        }
        return forms;
    }

    /** Masks a complete text. */
    public String mask(String text) {
        Stream stream = stream();
        return stream.feed(text) + stream.finish();
    }

    /** A masker for text that arrives in chunks, where a value may be split across chunks. */
    public Stream stream() {
        return new Stream();
    }

    /**
     * Masks text arriving in chunks. It holds back the end of a chunk while that end could be the
     * start of a secret, so a value split across chunks is still masked; the held-back text comes
     * out with the next chunk or {@link #finish()}.
     */
    public final class Stream {
        private final StringBuilder pending = new StringBuilder();

        /** Adds a chunk; returns the masked text that is now safe to emit (may be empty). */
        public String feed(CharSequence chunk) {
            pending.append(chunk);
            return drain(false);
        }

        /** The end of the input: returns everything still held back, masked. */
        public String finish() {
            return drain(true);
        }

        private String drain(boolean atEnd) {
            StringBuilder out = new StringBuilder(pending.length());
            int i = 0;
            scan:
            while (i < pending.length()) {
                for (String p : patterns) {
                    if (matchesAt(p, i)) {
                        out.append(MASK);
                        i += p.length();
                        continue scan;
                    }
                }
                if (!atEnd && couldStartSecret(i)) {
                    break;
                }
                out.append(pending.charAt(i));
                i++;
            }
            pending.delete(0, i);
            return out.toString();
        }

        private boolean matchesAt(String pattern, int at) {
            if (at + pattern.length() > pending.length()) {
                return false;
            }
            for (int k = 0; k < pattern.length(); k++) {
                if (pending.charAt(at + k) != pattern.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        /** Whether the rest of the buffer from {@code at} is a proper prefix of some pattern. */
        private boolean couldStartSecret(int at) {
            int rest = pending.length() - at;
            if (rest >= longest) {
                return false;
            }
            for (String p : patterns) {
                if (p.length() > rest && p.regionMatches(0, pending.substring(at), 0, rest)) {
                    return true;
                }
            }
            return false;
        }
    }
}
