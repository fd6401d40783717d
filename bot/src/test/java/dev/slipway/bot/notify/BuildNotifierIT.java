package dev.slipway.bot.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import dev.slipway.bot.message.SlackContent;
import dev.slipway.bot.model.RollbackNotice;
import dev.slipway.bot.model.StageFailure;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildStatus;
import dev.slipway.core.build.StageRecord;
import dev.slipway.core.build.StageStatus;
import dev.slipway.testkit.build.TestBuilds;
import dev.slipway.testkit.slack.SlackCall;
import dev.slipway.testkit.slack.SlackMessage;
import dev.slipway.testkit.slack.SlackWebApiServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The notifier against the testkit's Slack: one message per build, updated in place, within rate limits. */
class BuildNotifierIT {

    private static final String TOKEN = "xoxb-notifier";
    private static final String IMAGE = "localhost:5000/acme/api@sha256:" + "c".repeat(64);
    private static final String GOOD = "localhost:5000/acme/api@sha256:" + "a".repeat(64);

    private final SlackWebApiServer slack = SlackWebApiServer.start()
            .token(TOKEN, SlackWebApiServer.BOT_SCOPES, "U0SLIPWAY").channel("C0DEPLOYS", "deploys");

    @AfterEach
    void close() {
        slack.close();
    }

    private MethodsClient client() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.methodsUrlPrefix());
        return Slack.getInstance(config).methods();
    }

    @Test
    void oneMessageFollowsAWholeBuildWithFailureAndRollbackInItsThread() {
        slack.postingInterval(Duration.ofMillis(200));
        // Like SLACK_PACE against Slack's one second: a margin over the server's interval.
        BuildNotifier notifier = new BuildNotifier(new SlackMessenger(client(), TOKEN, Duration.ofMillis(300)),
                URI.create("https://slipway.example.com"));
        Instant t = TestBuilds.T0;
        BuildRecord build = BuildRecord.queued(TestBuilds.push("acme/api", "main", "42", t), List.of(
                StageRecord.pending("integration", null), StageRecord.pending("build", null),
                StageRecord.pending("deploy:staging", null)), t);

        MessageRef ref = notifier.buildChanged(build, "api", "#deploys", Optional.empty());
        build = build.withStatus(BuildStatus.RUNNING, null, t).withStage(stage(build, 0).started(t), t);
        notifier.buildChanged(build, "api", "#deploys", Optional.of(ref));
        build = build.withStage(stage(build, 0).finished(StageStatus.SUCCEEDED, t.plusSeconds(65), 0, null), t)
                .withStage(stage(build, 1).started(t.plusSeconds(65)), t);
        notifier.buildChanged(build, "api", "#deploys", Optional.of(ref));
        build = build.withStage(stage(build, 1).finished(StageStatus.SUCCEEDED, t.plusSeconds(100), 0, null).withImageDigest(IMAGE), t)
                .withImage(null, IMAGE, t).withStage(stage(build, 2).started(t.plusSeconds(100)), t);
        notifier.buildChanged(build, "api", "#deploys", Optional.of(ref));
        notifier.buildChanged(build, "api", "#deploys", Optional.of(ref));
        build = build.withStage(stage(build, 2).finished(StageStatus.FAILED, t.plusSeconds(160), 1, "health check failed"), t)
                .withStatus(BuildStatus.ROLLED_BACK, "deploy to staging failed its health check; restored the last good image", t);
        notifier.stageFailed(ref, new StageFailure(build.id().value(), "deploy:staging", 1,
                List.of("GET /health -> 503", "giving up after 60s"), URI.create("https://slipway.example.com/builds/github-42/logs/deploy-staging")));
        notifier.rolledBack(Optional.of(ref), "#deploys", new RollbackNotice("api", "staging", IMAGE, GOOD, Optional.empty(),
                "health check failed: GET /health answered 503", URI.create("https://slipway.example.com/builds/github-42")));
        notifier.buildChanged(build, "api", "#deploys", Optional.of(ref));

        assertThat(slack.messagesIn("C0DEPLOYS")).singleElement().satisfies(message -> {
            assertThat(message.ts()).isEqualTo(ref.ts());
            assertThat(message.revision()).as("4 changes after the post; the unchanged re-render cost nothing").isEqualTo(4);
            assertThat(message.visibleText()).contains("*api*", "failed and rolled back", "integration in 1m 05s",
                    "build in 35s", "sha256:cccc", "staging", "restored the last good image", "Build page and logs");
        });
        assertThat(slack.threadReplies("C0DEPLOYS", ref.ts())).extracting(SlackMessage::visibleText).satisfiesExactly(
                failure -> assertThat(failure).contains("deploy:staging", "exit code 1", "GET /health -&gt; 503", "Full log"),
                rollback -> assertThat(rollback).contains("rolled back automatically", "sha256:cccc", "sha256:aaaa"));
        assertThat(slack.calls()).extracting(SlackCall::status).as("paced: never rate limited").containsOnly(200);
    }

    @Test
    void a429IsWaitedOutForItsRetryAfterAndNothingIsLost() {
        slack.postingInterval(Duration.ofSeconds(1));
        SlackMessenger unpaced = new SlackMessenger(client(), TOKEN, Duration.ZERO);
        List<MessageRef> refs = IntStream.range(0, 3)
                .mapToObj(i -> unpaced.post("C0DEPLOYS", new SlackContent("message " + i, List.of()))).toList();

        assertThat(slack.messagesIn("C0DEPLOYS")).extracting(SlackMessage::text).containsExactly("message 0", "message 1", "message 2");
        assertThat(refs).extracting(MessageRef::ts).doesNotHaveDuplicates();
        assertThat(slack.calls("chat.postMessage")).extracting(SlackCall::status).contains(429).endsWith(200);
    }

    @Test
    void slackErrorsSayWhatToChange() {
        SlackMessenger messenger = new SlackMessenger(client(), TOKEN, Duration.ZERO);
        assertThatThrownBy(() -> messenger.post("#nowhere", new SlackContent("x", List.of())))
                .isInstanceOf(NotificationFailedException.class)
                .hasMessageContaining("channel_not_found").hasMessageContaining("notify.slack.channel");
        SlackMessenger forged = new SlackMessenger(client(), "xoxb-revoked", Duration.ZERO);
        assertThatThrownBy(() -> forged.post("#deploys", new SlackContent("x", List.of())))
                .hasMessageContaining("invalid_auth").hasMessageContaining("SLACK_BOT_TOKEN");
        assertThatThrownBy(() -> messenger.update(new MessageRef("C0DEPLOYS", "1.000001"), new SlackContent("x", List.of())))
                .hasMessageContaining("message_not_found");
    }

    @Test
    void aDeletedBuildMessageIsPostedAgain() {
        slack.postingInterval(Duration.ZERO);
        BuildNotifier notifier = new BuildNotifier(new SlackMessenger(client(), TOKEN, Duration.ZERO), URI.create("https://slipway.example.com"));
        BuildRecord build = BuildRecord.queued(TestBuilds.push("acme/api", "main", "43", TestBuilds.T0), List.of(), TestBuilds.T0);
        MessageRef gone = new MessageRef("C0DEPLOYS", "1.000001");
        MessageRef now = notifier.buildChanged(build, "api", "#deploys", Optional.of(gone));
        assertThat(now).isNotEqualTo(gone);
        assertThat(slack.messagesIn("C0DEPLOYS")).singleElement().satisfies(m -> assertThat(m.ts()).isEqualTo(now.ts()));
    }

    private static StageRecord stage(BuildRecord build, int index) {
        return build.stages().get(index);
    }
}
