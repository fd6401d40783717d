package dev.slipway.runtime.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.secret.SecretMasker;
import dev.slipway.core.task.LogLine;
import dev.slipway.core.task.LogSink;
import dev.slipway.runtime.pipeline.StageLogDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading, for build pages, what the stage log directory writes while tasks run. */
class BuildLogsTest {

    private static final BuildId BUILD = BuildId.of("github-1");
    private static final String TASK = "arn:aws:ecs:local:000000000000:task/slipway/abc123";

    @TempDir
    Path root;

    private static void write(LogSink sink, String text) {
        sink.accept(new LogLine(Instant.EPOCH, "step", LogLine.Stream.STDOUT, text));
    }

    @Test
    void linesAreReadBackInOrderFromTheLastOffsetMasked() {
        StageLogDirectory directory = new StageLogDirectory(root);
        BuildLogs logs = new BuildLogs(root, SecretMasker.of(List.of("hunter2")));
        LogSink sink = directory.sink(BUILD.value(), "integration", TASK);
        write(sink, "first");
        write(sink, "password is hunter2");

        String stream = logs.streams(BUILD).get(0);
        BuildLogs.Chunk all = logs.read(BUILD, stream, 0);
        write(sink, "third");
        BuildLogs.Chunk more = logs.read(BUILD, stream, all.nextOffset());

        assertThat(stream).isEqualTo("integration/abc123.log");
        assertThat(BuildLogs.stageOf(stream)).isEqualTo("integration");
        assertThat(all.lines()).containsExactly("[step] first", "[step] password is ***");
        assertThat(more.lines()).containsExactly("[step] third");
        assertThat(logs.read(BUILD, stream, more.nextOffset()).lines()).isEmpty();
    }

    @Test
    void aLineStillBeingWrittenIsNotShownHalf() throws Exception {
        StageLogDirectory directory = new StageLogDirectory(root);
        BuildLogs logs = new BuildLogs(root, SecretMasker.none());
        write(directory.sink(BUILD.value(), "build", TASK), "done");
        Path file = root.resolve(BUILD.value()).resolve(logs.streams(BUILD).get(0));
        Files.writeString(file, "half", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        BuildLogs.Chunk chunk = logs.read(BUILD, logs.streams(BUILD).get(0), 0);

        assertThat(chunk.lines()).containsExactly("[step] done");
        assertThat(chunk.nextOffset()).isEqualTo("[step] done\n".length());
    }

    @Test
    void everyStageAndAttemptIsAStreamAndNothingOutsideTheBuildIsRead() {
        StageLogDirectory directory = new StageLogDirectory(root);
        BuildLogs logs = new BuildLogs(root, SecretMasker.none());
        write(directory.sink(BUILD.value(), "integration", TASK), "one");
        write(directory.sink(BUILD.value(), "integration", TASK + "-retry"), "two");
        write(directory.sink(BUILD.value(), "deploy:staging", TASK), "three");

        assertThat(logs.streams(BUILD)).containsExactlyInAnyOrder("integration/abc123.log",
                "integration/abc123-retry.log", "deploy_staging/abc123.log");
        assertThat(logs.streams(BuildId.of("never-ran"))).isEmpty();
        assertThat(logs.read(BUILD, "../../etc/passwd", 0).lines()).isEmpty();
    }
}
