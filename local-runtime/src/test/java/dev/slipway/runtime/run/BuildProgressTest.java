package dev.slipway.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.StageRecord;
import dev.slipway.core.build.StageStatus;
import dev.slipway.core.secret.SecretMasker;
import dev.slipway.runtime.logs.BuildLogs;
import dev.slipway.testkit.build.TestBuilds;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person reads while a build runs: an approval is one line, not a second deploy. */
class BuildProgressTest {

    private static final Instant T0 = TestBuilds.T0;

    @TempDir
    Path logs;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private BuildProgress progress;

    @Test
    void aGrantedApprovalIsNotPrintedAsAStageThatRanAndTheSummaryCallsItApproved() {
        progress = new BuildProgress(new BuildLogs(logs, SecretMasker.none()), new PrintStream(printed, true, StandardCharsets.UTF_8), false);
        BuildRecord build = TestBuilds.queued("acme/counter", "main", "d1", T0);
        StageRecord approval = new StageRecord("deploy:production", null, StageStatus.WAITING_APPROVAL, 1, null, null, null,
                null, null, null);
        build = build.withStage(approval, T0);
        progress.update(build);

        StageRecord deploy = StageRecord.pending("deploy:production", "counter").started(T0.plusSeconds(5));
        build = build.withStage(approval.finished(StageStatus.SUCCEEDED, T0.plusSeconds(5), null, null), T0.plusSeconds(5))
                .withStage(deploy.finished(StageStatus.SUCCEEDED, T0.plusSeconds(6), 0, null), T0.plusSeconds(6));
        progress.update(build);
        progress.summary(build, Duration.ofSeconds(6));

        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out.lines()).containsSubsequence("⏸ deploy:production waits for approval", "▶ deploy:production started",
                "✔ deploy:production SUCCEEDED in 1.0 s");
        assertThat(out.lines().filter(l -> l.startsWith("✔ deploy:production"))).hasSize(1);
        assertThat(out).containsPattern("deploy:production approval +APPROVED")
                .containsPattern("deploy:production +SUCCEEDED +in 1.0 s");
    }
}
