package dev.slipway.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.bot.command.SlashCommand.BuildRef;
import dev.slipway.bot.command.SlashCommand.GitRef;
import dev.slipway.bot.command.SlashCommand.ImageRef;
import dev.slipway.bot.command.SlashCommand.ServiceName;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandParserTest {

    private final CommandParser parser = new CommandParser();

    private SlashCommand valid(String command, String text) {
        ParsedCommand parsed = parser.parse(command, text);
        assertThat(parsed).as("%s %s", command, text).isInstanceOf(ParsedCommand.Valid.class);
        return ((ParsedCommand.Valid) parsed).command();
    }

    @Test
    void deployForms() {
        assertThat(valid("/deploy", "api")).isEqualTo(new SlashCommand.Deploy("api", Optional.empty(), Optional.empty()));
        assertThat(valid("/deploy", "api main")).isEqualTo(
                new SlashCommand.Deploy("api", Optional.of(new GitRef("main")), Optional.empty()));
        assertThat(valid("/deploy", "api #42 to production")).isEqualTo(
                new SlashCommand.Deploy("api", Optional.of(new BuildRef("42")), Optional.of("production")));
        assertThat(valid("/deploy", "  api   to  staging ")).isEqualTo(
                new SlashCommand.Deploy("api", Optional.empty(), Optional.of("staging")));
        assertThat(valid("/deploy", "api release/1.2 to staging")).isEqualTo(
                new SlashCommand.Deploy("api", Optional.of(new GitRef("release/1.2")), Optional.of("staging")));
    }

    @Test
    void rollbackForms() {
        assertThat(valid("/rollback", "api")).isEqualTo(new SlashCommand.Rollback("api", Optional.empty(), Optional.empty()));
        assertThat(valid("/rollback", "api production")).isEqualTo(
                new SlashCommand.Rollback("api", Optional.of("production"), Optional.empty()));
        assertThat(valid("/rollback", "api production to #41")).isEqualTo(
                new SlashCommand.Rollback("api", Optional.of("production"), Optional.of(new BuildRef("41"))));
        assertThat(valid("/rollback", "api to localhost:5000/acme/api:v1")).isEqualTo(
                new SlashCommand.Rollback("api", Optional.empty(), Optional.of(new ImageRef("localhost:5000/acme/api:v1"))));
        String digest = "registry.example.com/acme/api@sha256:" + "a".repeat(64);
        assertThat(valid("/rollback", "api staging to " + digest)).isEqualTo(
                new SlashCommand.Rollback("api", Optional.of("staging"), Optional.of(new ImageRef(digest))));
    }

    @Test
    void buildStatusCancelAndHelp() {
        assertThat(valid("/build", "acme/api")).isEqualTo(new SlashCommand.Build("acme/api", Optional.empty()));
        assertThat(valid("/build", "acme/api feature/x")).isEqualTo(new SlashCommand.Build("acme/api", Optional.of("feature/x")));
        assertThat(valid("/status", "")).isEqualTo(new SlashCommand.Status(Optional.empty()));
        assertThat(valid("/status", "api")).isEqualTo(new SlashCommand.Status(Optional.of(new ServiceName("api"))));
        assertThat(valid("/status", "#42")).isEqualTo(new SlashCommand.Status(Optional.of(new BuildRef("42"))));
        assertThat(valid("/cancel", "#42")).isEqualTo(new SlashCommand.Cancel(new BuildRef("42")));
        assertThat(valid("/cancel", "gh-7f3a")).isEqualTo(new SlashCommand.Cancel(new BuildRef("gh-7f3a")));
        assertThat(valid("/slipway", "help")).isEqualTo(new SlashCommand.Help());
        assertThat(valid("/slipway", "")).isEqualTo(new SlashCommand.Help());
        assertThat(valid("/deploy", "help")).isEqualTo(new SlashCommand.Help());
    }

    @ParameterizedTest(name = "{0} ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "/deploy   |                          | needs a service",
        "/deploy   | to production            | needs a service",
        "/deploy   | API                      | `API` is not a service name",
        "/deploy   | api main to              | `to` needs an environment",
        "/deploy   | api main production      | Expected `to <env>` but found `production`",
        "/deploy   | api main to prod extra   | Unexpected `extra` at the end",
        "/deploy   | api #                    | `#` is not a build",
        "/deploy   | api bad..ref             | `bad..ref` is not a valid branch, tag or commit",
        "/deploy   | api main to Prod!        | `Prod!` is not an environment name",
        "/rollback |                          | needs a service",
        "/rollback | api production to        | `to` needs what to roll back to",
        "/rollback | api production to latest | `latest` is neither a build",
        "/rollback | api production 41        | Unexpected `41` at the end",
        "/build    |                          | needs a repository",
        "/build    | api                      | `api` is not a repository",
        "/build    | acme/api main extra      | Unexpected `extra` at the end",
        "/status   | Api_Service              | neither a service name",
        "/status   | api extra                | Unexpected `extra` at the end",
        "/cancel   |                          | needs the build to stop",
        "/cancel   | #1 #2                    | Unexpected `#2` at the end",
        "/slipway  | deploy api               | `/slipway deploy api` is not a Slipway command",
        "/shipit   | now                      | `/shipit` is not a Slipway command",
        "/deploy   | help me                  | Unexpected `me` after `help`",
    })
    void malformedInputSaysWhatWasWrongAndShowsUsage(String command, String text, String problem) {
        ParsedCommand parsed = parser.parse(command.trim(), text == null ? "" : text.trim());
        assertThat(parsed).isInstanceOfSatisfying(ParsedCommand.Invalid.class, invalid -> {
            assertThat(invalid.problem()).contains(problem);
            assertThat(invalid.usage()).contains("`/");
            if (CommandParser.USAGE.containsKey(command.trim()) && !command.trim().equals("/slipway")) {
                assertThat(invalid.usage()).contains(command.trim());
            }
        });
    }

    @Test
    void allUsageListsEveryCommand() {
        assertThat(CommandParser.ALL_USAGE).contains("/deploy", "/rollback", "/build", "/status", "/cancel", "/slipway help");
    }
}
