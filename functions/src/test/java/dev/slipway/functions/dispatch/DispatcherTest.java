package dev.slipway.functions.dispatch;

import static dev.slipway.functions.dispatch.DispatchFixture.BROKEN;
import static dev.slipway.functions.dispatch.DispatchFixture.GOOD;
import static dev.slipway.functions.dispatch.DispatchFixture.NO_FILE;
import static dev.slipway.functions.dispatch.DispatchFixture.REPO;
import static dev.slipway.functions.dispatch.DispatchFixture.T0;
import static dev.slipway.functions.dispatch.DispatchFixture.push;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.build.BuildStatus;
import dev.slipway.core.build.PipelineExecutions;
import dev.slipway.core.build.StageNames;
import dev.slipway.core.build.StageStatus;
import dev.slipway.core.dispatch.PipelineSourceUnavailableException;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.core.scm.EventKind;
import dev.slipway.core.scm.Provider;
import dev.slipway.testkit.build.InMemoryBuildStore;
import dev.slipway.testkit.build.RecordingPipelineExecutions;
import dev.slipway.testkit.dispatch.InMemoryPipelineSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DispatcherTest {

    private final InMemoryPipelineSource source = new InMemoryPipelineSource()
            .put(REPO, GOOD, DispatchFixture.pipeline("api"))
            .put(REPO, BROKEN, DispatchFixture.pipeline("broken"))
            .put(REPO, NO_FILE, null);
    private final InMemoryBuildStore builds = new InMemoryBuildStore();
    private final RecordingPipelineExecutions executions = new RecordingPipelineExecutions();
    private final Dispatcher dispatcher = new Dispatcher(source, builds, executions, Clock.fixed(T0, ZoneOffset.UTC));

    private BuildRecord build(BuildRequest request) {
        return builds.find(request.id()).orElseThrow();
    }

    @Test
    void aPushIsRecordedAndStartedUnderItsBuildId() throws Exception {
        BuildRequest push = push("d1", "main", GOOD, T0);

        DispatchOutcome outcome = dispatcher.dispatch(push);

        BuildRecord record = build(push);
        assertThat(record.status()).isEqualTo(BuildStatus.QUEUED);
        assertThat(record.stages()).extracting(s -> s.name())
                .containsExactly("integration", "build", "deploy:staging", "deploy:production");
        assertThat(record.executionArn()).endsWith(":github-d1").isEqualTo(outcome.executionArn());
        RecordingPipelineExecutions.Execution execution = executions.execution(push.id()).orElseThrow();
        JsonNode input = SlipwayJson.mapper().readTree(execution.input());
        assertThat(input.get("buildId").asText()).isEqualTo("github-d1");
        assertThat(input.at("/plan/secrets").toString()).isEqualTo("[\"NPM_TOKEN\"]");
        assertThat(input.at("/plan/request/commit").asText()).isEqualTo(GOOD);
        assertThat(execution.input().getBytes(StandardCharsets.UTF_8).length).isLessThan(PipelineExecutions.MAX_INPUT_BYTES / 10);
    }

    @Test
    void theSameRequestTwiceStartsOneExecution() {
        BuildRequest push = push("d2", "main", GOOD, T0);

        dispatcher.dispatch(push);
        DispatchOutcome again = dispatcher.dispatch(push);

        assertThat(again.note()).contains("already dispatched");
        assertThat(executions.startCalls()).containsExactly(push.id());
        assertThat(source.reads()).hasSize(1);
    }

    @Test
    void aDispatchThatDiedBeforeStartingIsCompletedByTheRedelivery() {
        BuildRequest push = push("d3", "main", GOOD, T0);
        builds.create(BuildRecord.queued(push, List.of(), T0));

        DispatchOutcome outcome = dispatcher.dispatch(push);

        assertThat(outcome.executionArn()).endsWith(":github-d3");
        assertThat(build(push).executionArn()).isEqualTo(outcome.executionArn());
    }

    @Test
    void aBrokenPipelineFileEndsTheBuildFailedWithItsProblems() {
        BuildRequest push = push("d4", "main", BROKEN, T0);

        DispatchOutcome outcome = dispatcher.dispatch(push);

        BuildRecord record = build(push);
        assertThat(outcome.status()).isEqualTo(BuildStatus.FAILED);
        assertThat(record.status()).isEqualTo(BuildStatus.FAILED);
        assertThat(record.reason()).isEqualTo("the pipeline file has 2 problems");
        assertThat(record.problems()).extracting(p -> p.file() + ":" + p.line() + ":" + p.column() + " " + p.code())
                .containsExactly(".slipway.yml:4:3 unknown-key", ".slipway.yml:11:20 undefined-environment");
        assertThat(record.problems().get(0).hint()).contains("image");
        assertThat(executions.executions()).isEmpty();
    }

    @Test
    void aCommitWithoutPipelineFileEndsFailedSayingSo() {
        BuildRequest push = push("d5", "main", NO_FILE, T0);

        dispatcher.dispatch(push);

        assertThat(build(push).status()).isEqualTo(BuildStatus.FAILED);
        assertThat(build(push).problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("pipeline-missing");
            assertThat(p.message()).contains(".slipway.yml");
        });
    }

    @Test
    void anEventNoTriggerMatchesIsRecordedAsNotTriggered() {
        BuildRequest push = push("d6", "experiment", GOOD, T0);

        dispatcher.dispatch(push);

        assertThat(build(push).status()).isEqualTo(BuildStatus.CANCELLED);
        assertThat(build(push).reason()).isEqualTo("not triggered: no push trigger in .slipway.yml matches branch experiment");
        assertThat(executions.executions()).isEmpty();
    }

    @Test
    void aForkPullRequestGetsNoSecretsAndNoDeployStage() throws Exception {
        BuildRequest fork = DispatchFixture.forkPullRequest("d7", GOOD);

        dispatcher.dispatch(fork);

        assertThat(build(fork).stages()).extracting(s -> s.name()).containsExactly("integration", "build");
        JsonNode plan = SlipwayJson.mapper().readTree(executions.execution(fork.id()).orElseThrow().input()).get("plan");
        assertThat(plan.get("secrets")).isEmpty();
        assertThat(plan.get("deployAllowed").asBoolean()).isFalse();
        assertThat(plan.at("/request/untrusted").asBoolean()).isTrue();
    }

    @Test
    void aNewerPushCancelsOlderBuildsOfTheBranchThatAreNotDeploying() {
        BuildRequest first = push("old-1", "main", GOOD, T0.minusSeconds(60));
        BuildRequest deploying = push("old-2", "main", GOOD, T0.minusSeconds(30));
        BuildRequest newer = push("new-1", "main", GOOD, T0);
        dispatcher.dispatch(deploying);
        builds.modify(deploying.id(), b -> b.withStatus(BuildStatus.RUNNING, null, T0)
                .withStage(b.stages().get(2).started(T0), T0));
        dispatcher.dispatch(first);
        builds.modify(first.id(), b -> b.withStatus(BuildStatus.RUNNING, null, T0));

        dispatcher.dispatch(newer);

        assertThat(build(first).status()).isEqualTo(BuildStatus.CANCELLED);
        assertThat(build(first).reason()).isEqualTo("superseded by build github-new-1");
        assertThat(executions.execution(first.id()).orElseThrow().stopCause()).contains("a newer push to main");
        assertThat(build(deploying).status()).as("already deploying: left to finish").isEqualTo(BuildStatus.RUNNING);
        assertThat(build(deploying).stages().get(2).status()).isEqualTo(StageStatus.RUNNING);
        assertThat(build(newer).status()).isEqualTo(BuildStatus.QUEUED);
    }

    @Test
    void anOlderPushArrivingLateDoesNotCancelANewerBuild() {
        BuildRequest newer = push("n", "main", GOOD, T0);
        BuildRequest late = push("o", "main", GOOD, T0.minusSeconds(60));

        dispatcher.dispatch(newer);
        dispatcher.dispatch(late);

        assertThat(build(newer).status()).isEqualTo(BuildStatus.QUEUED);
    }

    @Test
    void anUnreachableRepositoryIsRetriedAndRecordsNothing() {
        BuildRequest push = push("d8", "main", GOOD, T0);
        source.failNext(1);

        assertThatThrownBy(() -> dispatcher.dispatch(push)).isInstanceOf(PipelineSourceUnavailableException.class);
        assertThat(builds.find(push.id())).isEmpty();

        dispatcher.dispatch(push);
        assertThat(build(push).executionArn()).isNotNull();
    }

    @Test
    void aScheduledBuildIsPinnedToTheBranchHead() {
        source.head(REPO, "main", GOOD);
        BuildRequest nightly = new BuildRequest(BuildId.of("schedule-nightly-acme-api-main-20261122"), Provider.SCHEDULE,
                "nightly", EventKind.SCHEDULE, DispatchFixture.repo(), "refs/heads/main", null, "main", null, null,
                "schedule nightly", false, null, T0);

        dispatcher.dispatch(nightly);

        assertThat(build(nightly).request().commit()).isEqualTo(GOOD);
        assertThat(build(nightly).stages()).extracting(s -> s.name()).contains(StageNames.deploy("production"));
    }
}
