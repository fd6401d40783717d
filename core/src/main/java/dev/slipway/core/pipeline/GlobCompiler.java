package dev.slipway.core.pipeline;

import java.util.regex.Pattern;

/** Translates a {@link Glob} pattern to a Java regular expression, rejecting malformed patterns. */
final class GlobCompiler {

    private GlobCompiler() {
    }

    static String toRegex(String glob) {
        if (glob.isEmpty()) {
            throw new GlobSyntaxException(glob, 0, "empty pattern");
        }
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> i = star(glob, i, regex);
                case '?' -> {
                    regex.append("[^/]");
                    i++;
                }
                case '[' -> i = characterClass(glob, i, regex);
                case '\\' -> {
                    if (i + 1 >= glob.length()) {
                        throw new GlobSyntaxException(glob, i, "nothing to escape after '\\'");
                    }
                    regex.append(Pattern.quote(String.valueOf(glob.charAt(i + 1))));
                    i += 2;
                }
                default -> {
                    regex.append(Pattern.quote(String.valueOf(c)));
                    i++;
                }
            }
        }
        return regex.toString();
    }

    private static int star(String glob, int i, StringBuilder regex) {
        boolean doubleStar = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
        if (!doubleStar) {
            regex.append("[^/]*");
            return i + 1;
        }
        if (i + 2 < glob.length() && glob.charAt(i + 2) == '*') {
            throw new GlobSyntaxException(glob, i, "'***' is not a pattern; use '**'");
        }
        boolean segmentStart = i == 0 || glob.charAt(i - 1) == '/';
        boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
        if (segmentStart && slashAfter) {
            // "**/" matches zero or more whole segments, so "**/x" also matches "x".
            regex.append("(?:.*/)?");
            return i + 3;
        }
        regex.append(".*");
        return i + 2;
    }

    private static int characterClass(String glob, int start, StringBuilder regex) {
        int i = start + 1;
        StringBuilder cls = new StringBuilder("[");
        boolean negated = i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^');
        if (negated) {
            // A negated class still never matches '/', like '?' and '*'.
            cls.append("^/");
            i++;
        }
        int members = 0;
        while (i < glob.length() && (glob.charAt(i) != ']' || members == 0)) {
            char c = glob.charAt(i);
            if (c == '-' && members > 0 && i + 1 < glob.length() && glob.charAt(i + 1) != ']') {
                char from = glob.charAt(i - 1);
                char to = glob.charAt(i + 1);
                if (to < from) {
                    throw new GlobSyntaxException(glob, i - 1, "range '" + from + "-" + to + "' is backwards");
                }
                cls.append('-');
            } else if (c == '/') {
                throw new GlobSyntaxException(glob, i, "'/' cannot be in a character class");
            } else {
                cls.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
            }
            members++;
            i++;
        }
        if (i >= glob.length()) {
            throw new GlobSyntaxException(glob, start, "'[' is never closed with ']'");
        }
        regex.append(cls).append(']');
        return i + 1;
    }
}
