package dev.slipway.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.runtime.asl.api.LocalSfn;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;

/** {@code slipway engine} through the CLI: serves the Step Functions API until stopped; bad options are usage errors. */
class EngineSubcommandTest {
    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), Path.of("."));

    @Test
    void servesTheApiAtThePrintedUrlUntilStopped() {
        List<String> machinesSeenWhileRunning = new ArrayList<>();
        Runnable whileRunning = () -> {
            Matcher url = Pattern.compile("listening on (\\S+)").matcher(out.toString(StandardCharsets.UTF_8));
            assertThat(url.find()).as("printed URL in: %s", out).isTrue();
            try (SfnClient client = LocalSfn.client(URI.create(url.group(1)))) {
                client.createStateMachine(r -> r.name("hello").roleArn("arn:aws:iam::000000000000:role/x")
                        .definition("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}"));
                client.listStateMachines(r -> { }).stateMachines().forEach(m -> machinesSeenWhileRunning.add(m.name()));
            }
        };

        int exit = new SlipwayCli(List.of(new EngineSubcommand(whileRunning)))
                .run(List.of("engine", "--port", "0", "--data", data.toString()), console);

        assertThat(exit).isEqualTo(Command.OK);
        assertThat(machinesSeenWhileRunning).containsExactly("hello");
    }

    @Test
    void aBadOptionIsAUsageErrorThatSaysWhatToWrite() {
        int exit = SlipwayCli.standard().run(List.of("engine", "--port", "http"), console);

        assertThat(exit).isEqualTo(Command.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("slipway engine: --port takes a number from 0 to 65535");
    }

    @Test
    void theCommandListNamesIt() {
        SlipwayCli.standard().run(List.of("--help"), console);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("engine").contains("run the Step Functions engine alone");
    }
}
