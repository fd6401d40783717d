package dev.slipway.runtime.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.secret.SecretMasker;
import dev.slipway.core.task.LogLine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildLogsTest {

    private static final BuildId BUILD = BuildId.of("github-1");

    @TempDir
    Path root;

    @Test
    void linesAreReadBackInOrderFromTheLastOffsetMasked() {
        BuildLogs logs = new BuildLogs(root, SecretMasker.of(List.of("hunter2")));
        logs.append(BUILD, "integration", "first");
        logs.sink(BUILD, "integration").accept(new LogLine(Instant.EPOCH, "step", LogLine.Stream.STDOUT,
                "password is hunter2"));

        BuildLogs.Chunk all = logs.read(BUILD, "integration", 0);
        logs.append(BUILD, "integration", "third");
        BuildLogs.Chunk more = logs.read(BUILD, "integration", all.nextOffset());

        assertThat(all.lines()).containsExactly("first", "[step] password is ***");
        assertThat(more.lines()).containsExactly("third");
        assertThat(logs.read(BUILD, "integration", more.nextOffset()).lines()).isEmpty();
    }

    @Test
    void aLineStillBeingWrittenIsNotShownHalf() throws Exception {
        BuildLogs logs = new BuildLogs(root, SecretMasker.none());
        logs.append(BUILD, "build", "done");
        Files.writeString(logs.file(BUILD, "build"), "half", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        BuildLogs.Chunk chunk = logs.read(BUILD, "build", 0);

        assertThat(chunk.lines()).containsExactly("done");
        assertThat(chunk.nextOffset()).isEqualTo("done\n".length());
    }

    @Test
    void stageNamesWithColonsRoundTripThroughFileNames() {
        BuildLogs logs = new BuildLogs(root, SecretMasker.none());
        logs.append(BUILD, "deploy:staging", "rolled out");
        logs.append(BUILD, "build", "pushed");

        assertThat(logs.stages(BUILD)).containsExactlyInAnyOrder("deploy:staging", "build");
        assertThat(logs.file(BUILD, "deploy:staging").getFileName().toString()).isEqualTo("deploy%3Astaging.log");
        assertThat(logs.stages(BuildId.of("never-ran"))).isEmpty();
    }
}
