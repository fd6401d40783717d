package dev.slipway.runtime.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildStatus;
import dev.slipway.core.build.StageStatus;
import dev.slipway.core.task.LogLine;
import dev.slipway.core.task.LogSink;
import dev.slipway.runtime.config.UpConfig;
import dev.slipway.runtime.up.SlipwayUp;
import dev.slipway.testkit.build.TestBuilds;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build page in headless Chromium while the build runs: lines appended to the log after the page
 * opened show up on it, the stage table follows the record, and configured secrets are masked.
 */
class BuildPageIT {

    private static final String SECRET = "xoxb-page-test-token-123";

    @TempDir
    Path dir;
    private SlipwayUp up;
    private HeadlessChromium chromium;

    @BeforeEach
    void start() throws Exception {
        UpConfig config = new UpConfig("127.0.0.1", 0, 0, dir.resolve("data"), Optional.of("webhook-secret"),
                Optional.empty(), Optional.of(SECRET), UpConfig.SLACK_API, Map.of());
        up = SlipwayUp.start(config, Map.of(), dir, new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.kill();
        }
        up.close();
    }

    @Test
    void theChromiumPageShowsLogLinesAppendedWhileItWasOpen() throws Exception {
        BuildRecord queued = TestBuilds.queued("acme/api", "main", "page-1", Instant.now());
        BuildId id = queued.id();
        up.builds().create(queued);
        running(id);
        LogSink log = up.stageLogs().sink(id.value(), "integration", "arn:aws:ecs:local:000000000000:task/slipway/t1");
        write(log, "[step] line written before the page opened");

        chromium = HeadlessChromium.open(up.urls().get("pages").resolve(id.value()), dir);
        await("the page to follow the build").atMost(Duration.ofSeconds(60)).until(() -> up.pages().following() == 1);
        write(log, "line appended while the page was open");
        write(log, "token=" + SECRET + " must not be shown");
        finish(id);
        String dom = chromium.dom(90);

        assertThat(dom).contains("[step] line written before the page opened")
                .contains("[step] line appended while the page was open")
                .contains("token=*** must not be shown")
                .doesNotContain(SECRET)
                .contains("build finished");
        assertThat(dom).containsPattern("id=\"build-status\" class=\"status SUCCEEDED\">SUCCEEDED<");
    }

    private static void write(LogSink sink, String text) {
        sink.accept(new LogLine(Instant.now(), "step", LogLine.Stream.STDOUT, text));
    }

    private void running(BuildId id) {
        Instant now = Instant.now();
        up.builds().modify(id, b -> b.withStatus(BuildStatus.RUNNING, null, now)
                .withStage(b.stages().get(0).started(now), now));
    }

    private void finish(BuildId id) {
        Instant now = Instant.now();
        up.builds().modify(id, b -> b.withStage(b.stages().get(0).finished(StageStatus.SUCCEEDED, now, 0, null), now)
                .withStatus(BuildStatus.SUCCEEDED, null, now));
    }
}
