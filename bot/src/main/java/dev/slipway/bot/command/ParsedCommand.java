package dev.slipway.bot.command;

/** The outcome of parsing a slash command: a command to run, or what was wrong and how to write it. */
public sealed interface ParsedCommand {

    record Valid(SlashCommand command) implements ParsedCommand {
    }

    /**
     * @param problem what was wrong, quoting the user's input, in one sentence
     * @param usage   the command's usage lines, for the ephemeral answer
     */
    record Invalid(String problem, String usage) implements ParsedCommand {
    }
}
