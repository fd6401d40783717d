package dev.slipway.runtime.cli;

import dev.slipway.core.lint.LintReport;
import dev.slipway.core.lint.PipelineLoader;
import dev.slipway.core.lint.Problem;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code slipway lint [PATH]}: checks a pipeline file and prints every problem as
 * {@code path:line:col: error[code]: message} and a {@code hint:} line. Exits 1 when a problem
 * is an error, 0 otherwise (warnings do not fail), 2 when the file cannot be found or read.
 */
public final class LintCommand implements Command {

    static final String FILE_NAME = ".slipway.yml";

    @Override
    public String name() {
        return "lint";
    }

    @Override
    public String summary() {
        return "check a .slipway.yml and print every problem with its position and a fix";
    }

    @Override
    public String usage() {
        return """
                usage: slipway lint [PATH]

                PATH is a pipeline file, or a directory holding .slipway.yml (default: the current
                directory). Prints each problem as path:line:col: severity[code]: message and a hint.
                Exit status: 0 no errors (warnings allowed), 1 errors found, 2 file missing or unreadable.
                """;
    }

    @Override
    public int run(List<String> args, Console console) {
        if (args.size() > 1 || args.stream().anyMatch(a -> a.startsWith("-"))) {
            console.err().println("slipway lint: expected at most one PATH, got " + String.join(" ", args));
            console.err().print(usage());
            return USAGE;
        }
        String given = args.isEmpty() ? "" : args.get(0);
        Path target = console.workingDirectory().resolve(given);
        String shown = given;
        if (Files.isDirectory(target)) {
            target = target.resolve(FILE_NAME);
            shown = given.isEmpty() || given.equals(".") ? FILE_NAME : Path.of(given, FILE_NAME).toString();
        }
        if (!Files.isRegularFile(target)) {
            boolean yamlSpelling = Files.isRegularFile(target.resolveSibling(".slipway.yaml"));
            console.err().println("slipway lint: " + shown + ": no such file; " + (yamlSpelling
                    ? "Slipway reads .slipway.yml: rename .slipway.yaml"
                    : "create it (see docs/pipeline.md) or pass the path of your pipeline file"));
            return USAGE;
        }
        String text;
        try {
            text = Files.readString(target, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            console.err().println("slipway lint: " + shown + ": not UTF-8 text; save the file as UTF-8");
            return USAGE;
        } catch (IOException e) {
            console.err().println("slipway lint: " + shown + ": cannot read it (" + e.getMessage() + ")");
            return USAGE;
        }
        LintReport report = PipelineLoader.load(shown, text);
        print(report, console);
        return report.hasErrors() ? FAILED : OK;
    }

    private static void print(LintReport report, Console console) {
        for (Problem problem : report.problems()) {
            console.out().println(problem.headline());
            console.out().println("  hint: " + problem.hint());
        }
        int errors = report.errors().size();
        int warnings = report.warnings().size();
        if (errors + warnings == 0) {
            console.out().println(report.file() + ": no problems");
        } else {
            console.out().println(report.file() + ": " + count(errors, "error") + ", " + count(warnings, "warning"));
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
