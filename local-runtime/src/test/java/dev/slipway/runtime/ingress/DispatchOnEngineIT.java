package dev.slipway.runtime.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.build.BuildStatus;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.core.scm.EventKind;
import dev.slipway.core.scm.Provider;
import dev.slipway.core.scm.PullRequest;
import dev.slipway.core.scm.Repository;
import dev.slipway.functions.aws.SfnPipelineExecutions;
import dev.slipway.functions.dispatch.Dispatcher;
import dev.slipway.runtime.asl.api.LocalSfn;
import dev.slipway.runtime.asl.integration.TaskIntegrations;
import dev.slipway.testkit.build.InMemoryBuildStore;
import dev.slipway.testkit.dispatch.InMemoryPipelineSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Dispatch starting and stopping executions on Slipway's engine through the Step Functions API,
 * with a stand-in pipeline that waits (statemachine/pipeline.asl.json is not written yet).
 */
class DispatchOnEngineIT {

    static final String WAITING_PIPELINE = "{\"StartAt\":\"Build\",\"States\":{\"Build\":{\"Type\":\"Wait\","
            + "\"Seconds\":3600,\"End\":true}}}";
    private static final String REPO = "acme/api";
    private static final String SHA = "1111111111111111111111111111111111111111";
    private static final String PIPELINE = String.join("\n", "version: 1", "service: api",
            "on: {push: {branches: [main]}, pull_request: {branches: [main]}}", "secrets: [NPM_TOKEN]",
            "integration: {image: slipway/busybox:1, commands: [echo test]}",
            "deploy: {staging: {local: {port: 18080, container_port: 8080}}}", "");

    private LocalSfn sfn;
    private String stateMachineArn;
    private InMemoryBuildStore builds;
    private Dispatcher dispatcher;

    @BeforeEach
    void startEngine() {
        sfn = new LocalSfn(new TaskIntegrations());
        stateMachineArn = sfn.client.createStateMachine(r -> r.name("pipeline").definition(WAITING_PIPELINE)
                .roleArn("arn:aws:iam::123456789012:role/slipway-pipeline")).stateMachineArn();
        builds = new InMemoryBuildStore();
        dispatcher = new Dispatcher(new InMemoryPipelineSource().put(REPO, SHA, PIPELINE), builds,
                new SfnPipelineExecutions(sfn.client, stateMachineArn), Clock.systemUTC());
    }

    @AfterEach
    void stopEngine() {
        sfn.close();
    }

    private static BuildRequest push(String delivery, Instant at) {
        return new BuildRequest(BuildId.forDelivery(Provider.GITEA, delivery), Provider.GITEA, delivery, EventKind.PUSH,
                new Repository(REPO, "https://gitea.example.com/acme/api.git", null, false), "refs/heads/main", SHA,
                "main", null, null, "gitea-user", false, null, at);
    }

    private List<ExecutionListItem> executions() {
        return sfn.client.listExecutions(r -> r.stateMachineArn(stateMachineArn)).executions();
    }

    @Test
    void aRequestDispatchedTwiceRunsOneExecutionNamedAfterTheBuild() {
        BuildRequest push = push("e-" + UUID.randomUUID(), Instant.now());

        dispatcher.dispatch(push);
        dispatcher.dispatch(push);

        assertThat(executions()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo(push.id().value());
            assertThat(e.status()).isEqualTo(ExecutionStatus.RUNNING);
        });
        assertThat(builds.find(push.id()).orElseThrow().executionArn()).isEqualTo(executions().get(0).executionArn());
    }

    @Test
    void aForkPullRequestsExecutionInputHasNoSecretsAndNoDeploy() throws Exception {
        String delivery = "fork-" + UUID.randomUUID();
        BuildRequest fork = new BuildRequest(BuildId.forDelivery(Provider.GITEA, delivery), Provider.GITEA, delivery,
                EventKind.PULL_REQUEST, new Repository(REPO, "https://gitea.example.com/acme/api.git", null, false),
                "refs/pull/4/head", SHA, "typo", null, new PullRequest(4, "main", "mallory/api", true, null), "mallory",
                true, "Typo", Instant.now());

        dispatcher.dispatch(fork);

        BuildRecord record = builds.find(fork.id()).orElseThrow();
        JsonNode input = SlipwayJson.mapper().readTree(
                sfn.client.describeExecution(r -> r.executionArn(record.executionArn())).input());
        assertThat(input.at("/plan/secrets")).isEmpty();
        assertThat(input.at("/plan/deployAllowed").asBoolean()).isFalse();
        assertThat(record.stages()).extracting(s -> s.name()).containsExactly("integration");
    }

    @Test
    void aNewerPushAbortsTheOlderExecution() {
        BuildRequest older = push("old-" + UUID.randomUUID(), Instant.now().minusSeconds(30));
        BuildRequest newer = push("new-" + UUID.randomUUID(), Instant.now());
        dispatcher.dispatch(older);
        builds.modify(older.id(), b -> b.withStatus(BuildStatus.RUNNING, null, Instant.now()));

        dispatcher.dispatch(newer);

        String olderArn = builds.find(older.id()).orElseThrow().executionArn();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                sfn.client.describeExecution(r -> r.executionArn(olderArn)).status()).isEqualTo(ExecutionStatus.ABORTED));
        assertThat(builds.find(older.id()).orElseThrow().status()).isEqualTo(BuildStatus.CANCELLED);
        assertThat(sfn.client.describeExecution(r -> r.executionArn(
                builds.find(newer.id()).orElseThrow().executionArn())).status()).isEqualTo(ExecutionStatus.RUNNING);
    }
}
