package dev.slipway.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.runtime.asl.api.LocalSfn;
import dev.slipway.runtime.asl.integration.TaskIntegrations;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;

/** {@code slipway engine}: prints a URL the AWS SDK can use, keeps its data where told, explains bad options. */
class EngineCommandTest {
    @TempDir
    Path data;

    @Test
    void startsOnTheGivenPortAndDataDirAndPrintsItsUrl() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (EngineCommand engine = EngineCommand.start(new String[] {"--port", "0", "--data", data.toString()},
                new TaskIntegrations(), new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            String line = printed.toString(StandardCharsets.UTF_8);
            assertThat(line).startsWith("Slipway Step Functions engine listening on " + engine.endpoint())
                    .contains(data.toAbsolutePath().toString());
            try (SfnClient client = LocalSfn.client(engine.endpoint())) {
                client.createStateMachine(r -> r.name("hello").roleArn("arn:aws:iam::000000000000:role/x")
                        .definition("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}"));
                assertThat(client.listStateMachines(r -> { }).stateMachines()).hasSize(1);
            }
        }
        assertThat(Files.exists(data.resolve("state-machines/hello.json"))).isTrue();
    }

    @Test
    void explainsBadOptions() {
        assertThatThrownBy(() -> EngineCommand.Options.parse(new String[] {"--port", "http"}))
                .hasMessageContaining("--port takes a number from 0 to 65535");
        assertThatThrownBy(() -> EngineCommand.Options.parse(new String[] {"--data"}))
                .hasMessageContaining("--data needs a value");
        assertThatThrownBy(() -> EngineCommand.Options.parse(new String[] {"--verbose"}))
                .hasMessageContaining("Unknown option '--verbose'").hasMessageContaining("slipway engine [--port N]");
        assertThat(EngineCommand.Options.parse(new String[0]).port()).isEqualTo(EngineCommand.DEFAULT_PORT);
    }
}
