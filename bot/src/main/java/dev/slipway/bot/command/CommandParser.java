package dev.slipway.bot.command;

import dev.slipway.bot.command.SlashCommand.BuildRef;
import dev.slipway.bot.command.SlashCommand.GitRef;
import dev.slipway.bot.command.SlashCommand.ImageRef;
import dev.slipway.bot.command.SlashCommand.ServiceName;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses the text Slack sends with a slash command into a {@link SlashCommand}, or explains what
 * was wrong. Pure: no I/O, safe to call from any thread. Names follow the pipeline file's rules
 * (services are DNS labels; environments are lower-case keys), so that a name the file would reject
 * is rejected here before anything starts.
 */
public final class CommandParser {

    public static final Map<String, String> USAGE = Map.of(
            "/deploy", "`/deploy <service> [<ref>|#<build>] [to <env>]`: deploy a build, or build a branch, tag or commit and deploy it",
            "/rollback", "`/rollback <service> [<env>] [to #<build>|<image>]`: redeploy the last good image, or the one named",
            "/build", "`/build <repo> [<branch>]`: build a branch (the default branch when omitted)",
            "/status", "`/status [<service>|#<build>]`: what runs, what is deployed where, open approvals",
            "/cancel", "`/cancel #<build>`: stop a running build",
            "/slipway", "`/slipway help`: this help");

    /** Every command's usage, one per line, in the order users meet them. */
    public static final String ALL_USAGE = String.join("\n", USAGE.get("/deploy"), USAGE.get("/rollback"),
            USAGE.get("/build"), USAGE.get("/status"), USAGE.get("/cancel"), USAGE.get("/slipway"));

    private static final Pattern SERVICE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern ENVIRONMENT = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    private static final Pattern BUILD_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+");
    /** git check-ref-format, the parts a user can get wrong in a chat message. */
    private static final Pattern GIT_REF = Pattern.compile("(?!.*\\.\\.)(?!.*@\\{)(?!.*//)(?!.*\\.lock$)(?!/)(?!.*/$)(?!.*\\.$)[^\\s~^:?*\\[\\\\#]{1,250}");
    /** An image with a repository path and a tag or a digest: {@code [host/]path(:tag|@sha256:hex)}. */
    private static final Pattern IMAGE = Pattern.compile("[a-z0-9.:-]*[a-z0-9]/[a-z0-9._/-]+(:[A-Za-z0-9_.-]{1,128}|@sha256:[a-f0-9]{64})");

    public ParsedCommand parse(String command, String text) {
        Deque<String> words = new ArrayDeque<>(Arrays.asList(text == null ? new String[0] : text.trim().split("\\s+")));
        words.removeIf(String::isEmpty);
        if (!words.isEmpty() && words.peekFirst().equalsIgnoreCase("help")) {
            return words.size() == 1 ? valid(new SlashCommand.Help()) : unexpectedAfterHelp(command, words);
        }
        try {
            return switch (command) {
                case "/deploy" -> valid(deploy(words));
                case "/rollback" -> valid(rollback(words));
                case "/build" -> valid(build(words));
                case "/status" -> valid(status(words));
                case "/cancel" -> valid(cancel(words));
                case "/slipway" -> words.isEmpty() ? valid(new SlashCommand.Help())
                        : new ParsedCommand.Invalid("`/slipway " + String.join(" ", words)
                        + "` is not a Slipway command; the commands are:", ALL_USAGE);
                default -> new ParsedCommand.Invalid("`" + command + "` is not a Slipway command; the commands are:", ALL_USAGE);
            };
        } catch (CommandArgumentException e) {
            return new ParsedCommand.Invalid(e.getMessage(), USAGE.get(command));
        }
    }

    private SlashCommand.Deploy deploy(Deque<String> words) throws CommandArgumentException {
        String service = service(words, "/deploy");
        Optional<SlashCommand.Source> source = Optional.empty();
        if (!words.isEmpty() && !words.peekFirst().equals("to")) {
            String word = words.removeFirst();
            source = Optional.of(word.startsWith("#") ? buildRef(word) : gitRef(word));
        }
        Optional<String> environment = toEnvironment(words);
        nothingLeft(words);
        return new SlashCommand.Deploy(service, source, environment);
    }

    private SlashCommand.Rollback rollback(Deque<String> words) throws CommandArgumentException {
        String service = service(words, "/rollback");
        Optional<String> environment = Optional.empty();
        if (!words.isEmpty() && !words.peekFirst().equals("to")) {
            environment = Optional.of(environment(words.removeFirst()));
        }
        Optional<SlashCommand.RollbackTarget> target = Optional.empty();
        if (!words.isEmpty() && words.peekFirst().equals("to")) {
            words.removeFirst();
            if (words.isEmpty()) {
                throw new CommandArgumentException("`to` needs what to roll back to: `#<build>` or an image such as `registry/acme/api:v1`.");
            }
            String word = words.removeFirst();
            target = Optional.of(word.startsWith("#") ? buildRef(word) : image(word));
        }
        nothingLeft(words);
        return new SlashCommand.Rollback(service, environment, target);
    }

    private SlashCommand.Build build(Deque<String> words) throws CommandArgumentException {
        if (words.isEmpty()) {
            throw new CommandArgumentException("`/build` needs a repository, e.g. `/build acme/api main`.");
        }
        String repository = words.removeFirst();
        if (!REPOSITORY.matcher(repository).matches()) {
            throw new CommandArgumentException("`" + repository + "` is not a repository: write it as `owner/name`, e.g. `acme/api`.");
        }
        Optional<String> branch = words.isEmpty() ? Optional.empty() : Optional.of(gitRef(words.removeFirst()).ref());
        nothingLeft(words);
        return new SlashCommand.Build(repository, branch);
    }

    private SlashCommand.Status status(Deque<String> words) throws CommandArgumentException {
        if (words.isEmpty()) {
            return new SlashCommand.Status(Optional.empty());
        }
        String word = words.removeFirst();
        nothingLeft(words);
        if (word.startsWith("#")) {
            return new SlashCommand.Status(Optional.of(buildRef(word)));
        }
        if (!SERVICE.matcher(word).matches()) {
            throw new CommandArgumentException("`" + word + "` is neither a service name (lower-case letters, digits and `-`) nor a build (`#<id>`).");
        }
        return new SlashCommand.Status(Optional.of(new ServiceName(word)));
    }

    private SlashCommand.Cancel cancel(Deque<String> words) throws CommandArgumentException {
        if (words.isEmpty()) {
            throw new CommandArgumentException("`/cancel` needs the build to stop, e.g. `/cancel #42`; `/status` lists running builds.");
        }
        String word = words.removeFirst();
        nothingLeft(words);
        return new SlashCommand.Cancel(buildRef(word.startsWith("#") ? word : "#" + word));
    }

    private static String service(Deque<String> words, String command) throws CommandArgumentException {
        if (words.isEmpty() || words.peekFirst().equals("to")) {
            throw new CommandArgumentException("`" + command + "` needs a service, e.g. `" + command + " api`.");
        }
        String service = words.removeFirst();
        if (!SERVICE.matcher(service).matches()) {
            throw new CommandArgumentException("`" + service + "` is not a service name: use lower-case letters, digits and `-`, as in the pipeline file.");
        }
        return service;
    }

    private static Optional<String> toEnvironment(Deque<String> words) throws CommandArgumentException {
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String word = words.removeFirst();
        if (!word.equals("to")) {
            throw new CommandArgumentException("Expected `to <env>` but found `" + word + "`.");
        }
        if (words.isEmpty()) {
            throw new CommandArgumentException("`to` needs an environment, e.g. `to staging`.");
        }
        return Optional.of(environment(words.removeFirst()));
    }

    private static String environment(String word) throws CommandArgumentException {
        if (!ENVIRONMENT.matcher(word).matches()) {
            throw new CommandArgumentException("`" + word + "` is not an environment name: use the lower-case name from the pipeline file's `deploy:` section.");
        }
        return word;
    }

    private static BuildRef buildRef(String word) throws CommandArgumentException {
        String id = word.substring(1);
        if (!BUILD_ID.matcher(id).matches()) {
            throw new CommandArgumentException("`" + word + "` is not a build: write `#` and the build's id, e.g. `#42`.");
        }
        return new BuildRef(id);
    }

    private static GitRef gitRef(String word) throws CommandArgumentException {
        if (!GIT_REF.matcher(word).matches()) {
            throw new CommandArgumentException("`" + word + "` is not a valid branch, tag or commit.");
        }
        return new GitRef(word);
    }

    private static ImageRef image(String word) throws CommandArgumentException {
        if (!IMAGE.matcher(word).matches()) {
            throw new CommandArgumentException("`" + word + "` is neither a build (`#<id>`) nor an image with a tag or digest, e.g. `registry/acme/api:v1`.");
        }
        return new ImageRef(word);
    }

    private static void nothingLeft(Deque<String> words) throws CommandArgumentException {
        if (!words.isEmpty()) {
            throw new CommandArgumentException("Unexpected `" + String.join(" ", words) + "` at the end.");
        }
    }

    private static ParsedCommand valid(SlashCommand command) {
        return new ParsedCommand.Valid(command);
    }

    private static ParsedCommand unexpectedAfterHelp(String command, Deque<String> words) {
        words.removeFirst();
        return new ParsedCommand.Invalid("Unexpected `" + String.join(" ", words) + "` after `help`.",
                USAGE.getOrDefault(command, ALL_USAGE));
    }

    /** A bad argument, carrying the sentence shown to the user. */
    private static final class CommandArgumentException extends Exception {
        CommandArgumentException(String message) {
            super(message, null, false, false);
        }
    }
}
