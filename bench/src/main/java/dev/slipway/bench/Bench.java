package dev.slipway.bench;

import dev.slipway.bench.engine.EngineFigures;
import dev.slipway.bench.report.Figure;
import dev.slipway.bench.report.Machine;
import dev.slipway.bench.report.MarkdownReport;
import dev.slipway.bench.startup.StartupFigures;
import dev.slipway.bench.system.SystemFigures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench/run}: takes the figures asked for, group by group, and writes the Markdown table.
 * The machine is read first, so the load average is the one the run started under. A group that
 * fails is reported in the table's notes and the others still run; the exit code is then 1.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Path checkout = Path.of(System.getProperty("slipway.home", ".")).toAbsolutePath().normalize();
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, checkout);
        } catch (IllegalArgumentException e) {
            System.err.println("bench/run: " + e.getMessage());
            System.exit(2);
            return;
        }
        // Stopped early (Ctrl-C), the run still stops the slipway up and probe JVMs it started.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants()
                .forEach(ProcessHandle::destroy)));
        Machine machine = Machine.current(checkout);
        System.out.println("bench: " + machine.cores() + " cores, load average " + machine.loadAverage() + ", commit "
                + machine.commit());
        List<Figure> figures = new ArrayList<>();
        boolean failed = false;
        for (Group group : GROUPS) {
            if (!options.wants(group.name())) {
                continue;
            }
            System.out.println("bench: " + group.name() + " figures...");
            try {
                figures.addAll(group.run(options));
            } catch (Exception | AssertionError e) {
                failed = true;
                System.err.println("bench: the " + group.name() + " figures failed:");
                e.printStackTrace();
                figures.add(Figure.missing(group.name() + ".failed", "the " + group.name() + " figures", "",
                        dev.slipway.bench.report.Aim.reference("–"), "failed: " + e));
            }
        }
        write(options.out(), MarkdownReport.render(machine, figures, "bench/run " + String.join(" ", args)));
        System.out.println("bench: wrote " + options.out());
        System.exit(failed ? 1 : 0);
    }

    /** A group of figures, selected by its name as an --only prefix. */
    private record Group(String name, Runner runner) {
        List<Figure> run(BenchOptions options) throws Exception {
            return runner.run(options);
        }
    }

    @FunctionalInterface
    private interface Runner {
        List<Figure> run(BenchOptions options) throws Exception;
    }

    /** In-process figures first: the whole-system ones start Docker containers and a second JVM. */
    private static final List<Group> GROUPS = List.of(
            new Group("engine", EngineFigures::run),
            new Group("startup", StartupFigures::run),
            new Group("system", SystemFigures::run));

    private static void write(Path out, String markdown) throws IOException {
        Files.createDirectories(out.getParent());
        Files.writeString(out, markdown);
    }
}
