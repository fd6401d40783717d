package dev.slipway.builder.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code .dockerignore} as the Docker CLI applies it (moby/patternmatcher): patterns are
 * slash-separated globs relative to the context ({@code *} and {@code ?} stay within a path
 * segment, {@code **} spans segments), a pattern that matches a directory excludes everything in
 * it, {@code !} re-includes, and the last matching pattern wins. Like the CLI, the Dockerfile and
 * {@code .dockerignore} themselves are always sent.
 *
 * <p>docker-java's own handling refuses a context whose Dockerfile matches a pattern (a common
 * {@code *} then {@code !build/libs/} file), which the Docker CLI accepts; hence this class.
 */
final class DockerIgnore {

    private record Rule(Pattern pattern, boolean exclude) {
    }

    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = rules;
    }

    static DockerIgnore of(Path context) throws IOException {
        Path file = context.resolve(".dockerignore");
        return Files.isRegularFile(file) ? parse(Files.readAllLines(file)) : new DockerIgnore(List.of());
    }

    static DockerIgnore parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean exclude = !line.startsWith("!");
            String pattern = clean(exclude ? line : line.substring(1).strip());
            if (!pattern.isEmpty()) {
                rules.add(new Rule(Pattern.compile(toRegex(pattern)), exclude));
            }
        }
        return new DockerIgnore(List.copyOf(rules));
    }

    /** Whether the file at this slash-separated path, relative to the context, stays out. */
    boolean excludes(String path) {
        boolean excluded = false;
        for (Rule rule : rules) {
            if (matchesItOrAParent(rule.pattern(), path)) {
                excluded = rule.exclude();
            }
        }
        return excluded;
    }

    private static boolean matchesItOrAParent(Pattern pattern, String path) {
        String candidate = path;
        while (true) {
            if (pattern.matcher(candidate).matches()) {
                return true;
            }
            int slash = candidate.lastIndexOf('/');
            if (slash < 0) {
                return false;
            }
            candidate = candidate.substring(0, slash);
        }
    }

    private static String clean(String pattern) {
        String p = pattern.replace('\\', '/');
        while (p.startsWith("/") || p.startsWith("./")) {
            p = p.startsWith("/") ? p.substring(1) : p.substring(2);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static String toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slashFollows = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                re.append(slashFollows ? "(.*/)?" : ".*");
                i += slashFollows ? 2 : 1;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '[') {
                int end = glob.indexOf(']', i);
                if (end < 0) {
                    re.append("\\[");
                } else {
                    re.append('[').append(glob, i + 1, end).append(']');
                    i = end;
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}
