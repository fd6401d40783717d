package dev.slipway.runtime.asl.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses an intrinsic call such as {@code States.Format('a {}', $.x, States.Array(1, 2))} into a tree.
 * String literals use single quotes; {@code \'}, {@code \\}, {@code \{} and {@code \}} are escapes.
 */
final class IntrinsicParser {

    /** An argument: a literal JSON value, a path, or a nested call. */
    sealed interface Arg permits Literal, PathArg, Call {
    }

    record Literal(com.fasterxml.jackson.databind.JsonNode value) implements Arg {
    }

    record PathArg(String path) implements Arg {
    }

    record Call(String name, List<Arg> args) implements Arg {
    }

    private final String text;
    private int pos;

    private IntrinsicParser(String text) {
        this.text = text;
    }

    static Call parse(String text) {
        IntrinsicParser parser = new IntrinsicParser(text.trim());
        Call call = parser.call();
        parser.skipSpace();
        if (parser.pos != parser.text.length()) {
            throw parser.error("unexpected text after the closing ')'");
        }
        return call;
    }

    static boolean looksLikeCall(String text) {
        return text.trim().startsWith("States.");
    }

    private Call call() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        String name = text.substring(start, pos);
        skipSpace();
        expect('(');
        List<Arg> args = new ArrayList<>();
        skipSpace();
        if (peek() == ')') {
            pos++;
            return new Call(name, args);
        }
        while (true) {
            args.add(arg());
            skipSpace();
            char c = next();
            if (c == ')') {
                return new Call(name, args);
            }
            if (c != ',') {
                throw error("expected ',' or ')'");
            }
        }
    }

    private Arg arg() {
        skipSpace();
        char c = peek();
        if (c == '\'') {
            return new Literal(Json.NODES.textNode(string()));
        }
        if (c == '$') {
            return new PathArg(path());
        }
        if (text.startsWith("States.", pos)) {
            return call();
        }
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != ')') {
            pos++;
        }
        String token = text.substring(start, pos).trim();
        try {
            return new Literal(Json.MAPPER.readTree(token));
        } catch (Exception e) {
            throw error("'" + token + "' is not a string, number, boolean, null, path or function");
        }
    }

    private String string() {
        expect('\'');
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                char escaped = text.charAt(pos++);
                // \{ and \} stay escaped so that States.Format can tell them from placeholders.
                if (escaped == '{' || escaped == '}') {
                    out.append('\\');
                }
                out.append(escaped);
            } else if (c == '\'') {
                return out.toString();
            } else {
                out.append(c);
            }
        }
        throw error("unterminated string literal");
    }

    private String path() {
        int start = pos;
        int depth = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || (c == ')' && depth > 0)) {
                depth--;
            } else if ((c == ',' || c == ')') && depth == 0) {
                break;
            } else if (c == '\'' && depth > 0) {
                int close = text.indexOf('\'', pos + 1);
                pos = close < 0 ? text.length() - 1 : close;
            }
            pos++;
        }
        return text.substring(start, pos).trim();
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(pos++);
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected '" + c + "'");
        }
    }

    private StateFailedException error(String what) {
        return new StateFailedException(ErrorNames.INTRINSIC_FAILURE,
                "Invalid intrinsic function '" + text + "' at character " + pos + ": " + what);
    }
}
