package dev.slipway.runtime.run;

import java.io.Console;
import java.util.Locale;
import java.util.Optional;

/** Asks a person at the terminal to approve or reject; without a terminal there is nobody to ask. */
@FunctionalInterface
public interface TerminalApprover {

    /** @return the answer, or empty when no terminal is attached (stdin is a pipe or a file) */
    Optional<Boolean> ask(String question);

    /** The process's terminal ({@link System#console()}), asking until the answer is a or r. */
    static TerminalApprover system() {
        return question -> {
            Console console = System.console();
            if (console == null) {
                return Optional.empty();
            }
            while (true) {
                String line = console.readLine("%s [a]pprove / [r]eject: ", question);
                if (line == null) {
                    return Optional.of(false);
                }
                switch (line.trim().toLowerCase(Locale.ROOT)) {
                    case "a", "approve", "y", "yes" -> {
                        return Optional.of(true);
                    }
                    case "r", "reject", "n", "no" -> {
                        return Optional.of(false);
                    }
                    default -> console.printf("Type a to approve or r to reject.%n");
                }
            }
        };
    }
}
