package dev.slipway.bot.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.bot.model.RollbackNotice;
import dev.slipway.bot.model.StageFailure;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildStatus;
import dev.slipway.core.build.StageRecord;
import dev.slipway.core.build.StageStatus;
import dev.slipway.testkit.build.TestBuilds;
import dev.slipway.testkit.slack.BlockKitLimits;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BuildMessagesTest {

    private static final URI PAGE = URI.create("https://slipway.example.com/builds/github-42");
    private static final Instant T = TestBuilds.T0;

    @Test
    void aRunningBuildShowsEachStageWithStatusAndDurationAndTheDeploysApart() {
        BuildRecord build = BuildRecord.queued(TestBuilds.push("acme/api", "main", "42", T), List.of(
                        StageRecord.pending("integration", null).started(T).finished(StageStatus.SUCCEEDED, T.plusSeconds(75), 0, null),
                        StageRecord.pending("build", null).started(T.plusSeconds(75)),
                        StageRecord.pending("deploy:production", null)), T)
                .withStatus(BuildStatus.RUNNING, null, T)
                .withImage(null, "localhost:5000/acme/api@sha256:" + "d".repeat(64), T);

        SlackContent content = BuildMessages.build(build, "api", PAGE);

        assertThat(content.text()).isEqualTo("api #github-42 running");
        String json = content.blocksJson();
        assertThat(json).contains(":white_check_mark: passed integration in 1m 15s", ":arrows_counterclockwise: running build",
                "*Deploys*", ":white_circle: pending production", "sha256:dddd", "<" + PAGE + "|#github-42>",
                "`main`", "`0d1a26e`", "by octocat");
        assertThat(BlockKitLimits.check(json)).isNull();
    }

    @Test
    void userTextIsEscapedForMrkdwn() {
        BuildRecord build = BuildRecord.queued(TestBuilds.push("acme/api", "fix<&>", "43", T), List.of(), T);
        String json = BuildMessages.build(build, "api", PAGE).blocksJson();
        assertThat(json).contains("`fix&lt;&amp;&gt;`").doesNotContain("fix<&>");
    }

    @Test
    void aLongLogKeepsItsLastLinesWithinSlacksSectionLimit() {
        List<String> lines = IntStream.range(0, 500).mapToObj(i -> "line " + i + " " + "x".repeat(40)).toList();
        SlackContent failure = BuildMessages.failure(new StageFailure("github-42", "integration", 2, lines,
                URI.create("https://slipway.example.com/builds/github-42/logs/integration")));
        String json = failure.blocksJson();
        assertThat(BlockKitLimits.check(json)).isNull();
        assertThat(json).contains("line 499", "exit code 2", "Full log", "…").doesNotContain("line 0 ");
    }

    @Test
    void anEmptyLogSaysSo() {
        String json = BuildMessages.failure(new StageFailure("github-42", "integration", 137, List.of(),
                URI.create("https://slipway.example.com/l"))).blocksJson();
        assertThat(json).contains("(no output)", "exit code 137");
    }

    @Test
    void aRollbackSaysFromWhichImageToWhichAndWho() {
        SlackContent manual = BuildMessages.rollback(new RollbackNotice("api", "production", "reg/api:v2", "reg/api:v1",
                Optional.of("U0ALICE"), "asked in Slack", PAGE));
        assertThat(manual.text()).isEqualTo("api in production rolled back from reg/api:v2 to reg/api:v1");
        assertThat(manual.blocksJson()).contains("by <@U0ALICE>", "from `reg/api:v2`", "to `reg/api:v1`");
        SlackContent automatic = BuildMessages.rollback(new RollbackNotice("api", "staging", "a", "b", Optional.empty(), "health", PAGE));
        assertThat(automatic.blocksJson()).contains("automatically");
        assertThat(BlockKitLimits.check(manual.blocksJson())).isNull();
    }
}
