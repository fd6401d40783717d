package dev.slipway.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.task.LogLine;
import dev.slipway.core.task.LogSink;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageLogDirectoryDigestTest {

    private static final String TASK = "arn:aws:ecs:local:000000000000:task/slipway/t-1";
    private static final String DIGEST = "sha256:" + "a".repeat(64);

    @TempDir
    Path dir;

    @Test
    void theRecordedDigestWinsOverAMaskedMarkerLine() {
        StageLogDirectory logs = new StageLogDirectory(dir);
        LogSink sink = logs.sink("cli-run-1", "api.build", TASK);
        sink.accept(new LogLine(Instant.EPOCH, "build-image", LogLine.Stream.STDOUT, "***:digest=" + DIGEST));
        logs.finish("cli-run-1", "api.build", TASK);

        assertThat(logs.digest("cli-run-1", "api.build", TASK)).as("masked marker line alone").isEmpty();

        logs.recordDigest("cli-run-1", "api.build", TASK, DIGEST);

        assertThat(logs.digest("cli-run-1", "api.build", TASK)).contains(DIGEST);
        assertThat(logs.lastLines("cli-run-1", "api.build", TASK, 10)).containsExactly("[build-image] ***:digest=" + DIGEST);
    }
}
