package dev.slipway.runtime.cli;

import dev.slipway.runtime.run.RunCommand;
import dev.slipway.runtime.up.ApprovalCommand;
import dev.slipway.runtime.up.UpCommand;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code slipway} command line: {@code slipway <command> [args]}. Each command is its own
 * {@link Command} class; adding one (e.g. {@code run} or {@code approve}) means
 * adding one to {@link #standard()}.
 */
public final class SlipwayCli {

    private final Map<String, Command> commands = new LinkedHashMap<>();

    public SlipwayCli(List<Command> commands) {
        commands.forEach(c -> this.commands.put(c.name(), c));
    }

    public static SlipwayCli standard() {
        return new SlipwayCli(List.of(new LintCommand(), new RunCommand(), new UpCommand(),
                ApprovalCommand.approve(System.getenv()), ApprovalCommand.reject(System.getenv()), new EngineSubcommand()));
    }

    public static void main(String[] args) {
        System.exit(standard().run(Arrays.asList(args), Console.system()));
    }

    public int run(List<String> args, Console console) {
        if (args.isEmpty()) {
            console.err().print(usage());
            return Command.USAGE;
        }
        String name = args.get(0);
        if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
            console.out().print(usage());
            return Command.OK;
        }
        Command command = commands.get(name);
        if (command == null) {
            console.err().println("slipway: unknown command '" + name + "'");
            console.err().print(usage());
            return Command.USAGE;
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            console.out().print(command.usage());
            return Command.OK;
        }
        return command.run(rest, console);
    }

    private String usage() {
        StringBuilder text = new StringBuilder("usage: slipway <command> [args]\n\ncommands:\n");
        commands.values().forEach(c -> text.append(String.format("  %-10s %s%n", c.name(), c.summary())));
        text.append("\nRun `slipway <command> --help` for a command's arguments.\n");
        return text.toString();
    }
}
