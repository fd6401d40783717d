package dev.slipway.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options of {@code bench/run}.
 *
 * @param quick        fewer samples, to check the harness works end to end (not for the committed table)
 * @param only         figure ids or id prefixes to take ({@code engine}, {@code system.ingress}); empty: all
 * @param out          where the Markdown table goes
 * @param functionsJar the functions as packaged for Lambda (shaded jar); empty: this module's classpath
 * @param botJar       the bot as packaged for Lambda; empty: this module's classpath
 * @param checkout     the Slipway checkout (examples, statemachine, git commit)
 */
public record BenchOptions(boolean quick, List<String> only, Path out, Optional<Path> functionsJar, Optional<Path> botJar,
        Path checkout) {

    public static final String USAGE = """
            usage: bench/run [--quick] [--only FIGURES] [--out FILE] [--functions-jar JAR] [--bot-jar JAR]
              --quick              fewer samples: checks the harness, not for the committed table
              --only FIGURES       comma-separated figure ids or prefixes: engine, startup, system,
                                   system.ingress, engine.map, ...
              --out FILE           the Markdown table (default bench/results/latest.md)
              --functions-jar JAR  the functions' Lambda jar (default: the module classpath)
              --bot-jar JAR        the bot's Lambda jar (default: the module classpath)
            """;

    public BenchOptions {
        only = List.copyOf(only);
    }

    public static BenchOptions parse(String[] args, Path checkout) {
        boolean quick = false;
        List<String> only = new ArrayList<>();
        Path out = checkout.resolve("bench/results/latest.md");
        Path functions = null;
        Path bot = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> quick = true;
                case "--only" -> only.addAll(List.of(value(args, ++i, arg).split(",")));
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--functions-jar" -> functions = existing(value(args, ++i, arg), arg);
                case "--bot-jar" -> bot = existing(value(args, ++i, arg), arg);
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'\n" + USAGE);
            }
        }
        return new BenchOptions(quick, only.stream().map(String::trim).filter(s -> !s.isEmpty()).toList(),
                out.toAbsolutePath(), Optional.ofNullable(functions), Optional.ofNullable(bot), checkout);
    }

    /**
     * Whether the figure or group {@code id} was asked for: with no --only, everything; otherwise an
     * entry naming it, one of its groups ({@code system} takes {@code system.ingress.rate}), or one of
     * its figures ({@code system.ingress.rate} needs the group {@code system.ingress} run).
     */
    public boolean wants(String id) {
        return only.isEmpty() || only.stream().anyMatch(o -> id.equals(o) || id.startsWith(o + ".") || o.startsWith(id + "."));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static Path existing(String value, String option) {
        Path path = Path.of(value).toAbsolutePath();
        if (!path.toFile().isFile()) {
            throw new IllegalArgumentException(option + " " + value + ": no such file; build it first or leave the option out");
        }
        return path;
    }
}
