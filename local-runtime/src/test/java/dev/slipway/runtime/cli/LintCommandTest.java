package dev.slipway.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int slipway(Path workingDirectory, String... args) {
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), workingDirectory);
        return SlipwayCli.standard().run(List.of(args), console);
    }

    private List<String> outLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static Path cliFixtures() throws URISyntaxException {
        return Path.of(LintCommandTest.class.getResource("/cli").toURI());
    }

    @Test
    void aValidFileExitsZeroAndSaysSo() throws Exception {
        int status = slipway(cliFixtures(), "lint", "valid");

        assertThat(status).isZero();
        assertThat(outLines()).containsExactly("valid/.slipway.yml: no problems");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void errorsArePrintedWithPositionCodeAndHintAndExitOne() throws Exception {
        int status = slipway(cliFixtures(), "lint", "invalid/.slipway.yml");

        assertThat(status).isEqualTo(1);
        assertThat(outLines()).containsExactly(
                "invalid/.slipway.yml:4:3: error[unknown-key]: unknown key `comands` in `integration`",
                "  hint: did you mean `commands`?",
                "invalid/.slipway.yml:7:18: warning[inline-secret]: `DB_PASSWORD` looks like a secret written into the file",
                "  hint: if it is a real secret, add its name to `secrets:` and remove it here; to use another"
                        + " name, write `DB_PASSWORD: ${SECRET_NAME}`",
                "invalid/.slipway.yml: 1 error, 1 warning");
    }

    @Test
    void warningsAloneDoNotFail() throws Exception {
        int status = slipway(cliFixtures().resolve("warnings"), "lint");

        assertThat(status).isZero();
        assertThat(outLines()).first().asString()
                .isEqualTo(".slipway.yml:4:14: warning[inline-secret]: `API_TOKEN` looks like a secret written into the file");
        assertThat(outLines()).last().asString().isEqualTo(".slipway.yml: 0 errors, 1 warning");
    }

    @Test
    void theDefaultPathIsTheWorkingDirectory(@TempDir Path dir) throws Exception {
        Files.copy(cliFixtures().resolve("valid/.slipway.yml"), dir.resolve(".slipway.yml"));

        assertThat(slipway(dir, "lint")).isZero();
        assertThat(outLines()).containsExactly(".slipway.yml: no problems");
    }

    @Test
    void aMissingFileIsAUsageErrorWithAClearMessage(@TempDir Path dir) {
        int status = slipway(dir, "lint");

        assertThat(status).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(".slipway.yml: no such file; create it");
    }

    @Test
    void aFileNamedDotYamlIsPointedOut(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".slipway.yaml"), "version: 1\n");

        assertThat(slipway(dir, "lint")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Slipway reads .slipway.yml: rename .slipway.yaml");
    }

    @Test
    void aFileThatIsNotUtf8IsAUsageError(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve(".slipway.yml"), new byte[] {'v', ':', ' ', (byte) 0xC3, (byte) 0x28});

        assertThat(slipway(dir, "lint", ".slipway.yml")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not UTF-8 text");
    }

    @Test
    void tooManyArgumentsOrUnknownOptionsAreUsageErrors(@TempDir Path dir) {
        assertThat(slipway(dir, "lint", "a", "b")).isEqualTo(2);
        assertThat(slipway(dir, "lint", "--strict")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: slipway lint [PATH]");
    }

    @Test
    void helpAndUnknownCommands(@TempDir Path dir) {
        assertThat(slipway(dir, "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("lint       check a .slipway.yml");
        assertThat(slipway(dir, "lint", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: slipway lint [PATH]");
        assertThat(slipway(dir, "deploy")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'deploy'");
        assertThat(slipway(dir)).isEqualTo(2);
    }
}
