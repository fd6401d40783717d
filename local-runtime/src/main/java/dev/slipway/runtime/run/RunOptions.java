package dev.slipway.runtime.run;

import dev.slipway.core.scm.EventKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The arguments of {@code slipway run}.
 *
 * @param repo a path or git URL ({@code .} by default)
 * @param ref the branch (push, pull_request) or tag (tag) the build is for; empty: the checkout's branch, or main
 * @param data where the run's records live; empty: a temporary directory removed afterwards
 */
public record RunOptions(String repo, Optional<String> ref, EventKind event, boolean quiet, boolean approve,
        Optional<Path> data) {

    /** Parses the arguments; an {@link IllegalArgumentException} says what is wrong. */
    public static RunOptions parse(List<String> args) {
        String repo = null;
        String ref = null;
        EventKind event = EventKind.PUSH;
        boolean quiet = false;
        boolean approve = false;
        Path data = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--quiet", "-q" -> quiet = true;
                case "--approve" -> approve = true;
                case "--ref" -> ref = value(args, ++i, arg);
                case "--data" -> data = Path.of(value(args, ++i, arg));
                case "--event" -> event = event(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("-") || repo != null) {
                        throw new IllegalArgumentException("unexpected argument '" + arg + "'; see slipway run --help");
                    }
                    repo = arg;
                }
            }
        }
        if (event == EventKind.TAG && ref == null) {
            throw new IllegalArgumentException("--event tag needs --ref TAG (the tag to build, e.g. --ref v1.2.0)");
        }
        return new RunOptions(repo == null ? "." : repo, Optional.ofNullable(ref), event, quiet, approve,
                Optional.ofNullable(data));
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value; see slipway run --help");
        }
        return args.get(i);
    }

    private static EventKind event(String value) {
        return switch (value) {
            case "push" -> EventKind.PUSH;
            case "tag" -> EventKind.TAG;
            case "pull_request" -> EventKind.PULL_REQUEST;
            default -> throw new IllegalArgumentException("--event is push, tag or pull_request, not '" + value + "'");
        };
    }
}
