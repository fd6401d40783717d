package dev.slipway.functions.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildStatus;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.core.scm.Provider;
import dev.slipway.functions.aws.DynamoBuildStore;
import dev.slipway.functions.aws.DynamoDeliveryLedger;
import dev.slipway.functions.aws.DynamoTables;
import dev.slipway.functions.aws.EmbeddedDynamo;
import dev.slipway.functions.aws.EmbeddedSqs;
import dev.slipway.functions.aws.LocalAws;
import dev.slipway.functions.aws.MotoServer;
import dev.slipway.functions.aws.SfnPipelineExecutions;
import dev.slipway.functions.aws.SqsBuildQueue;
import dev.slipway.functions.aws.SqsQueues;
import dev.slipway.functions.aws.TableNames;
import dev.slipway.functions.dispatch.DispatchHandler;
import dev.slipway.functions.dispatch.Dispatcher;
import dev.slipway.functions.dispatch.JGitPipelineSource;
import dev.slipway.functions.webhook.WebhookConfig;
import dev.slipway.functions.webhook.WebhookHeaders;
import dev.slipway.functions.webhook.WebhookIngress;
import dev.slipway.functions.webhook.WebhookRequest;
import dev.slipway.functions.webhook.WebhookResponse;
import dev.slipway.testkit.Concurrently;
import dev.slipway.testkit.scm.WebhookSigner;
import dev.slipway.testkit.secret.InMemorySecretStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Webhook to execution through real parts: the webhook ingress with the DynamoDB delivery ledger
 * (DynamoDB Local) and the SQS queue (ElasticMQ), dispatch fed by the queue as Lambda's event source
 * mapping would, reading {@code .slipway.yml} with JGit from a real repository, recording builds in
 * DynamoDB and starting executions through the Step Functions API (moto's, until Slipway's engine
 * serves that API).
 */
class IngressPipelineIT {

    private static final String SECRET = "e2e-webhook-secret";
    private static final String DEFINITION = "{\"StartAt\":\"Wait\",\"States\":{\"Wait\":{\"Type\":\"Wait\","
            + "\"Seconds\":3600,\"End\":true}}}";

    @TempDir
    Path temp;

    private final DynamoDbClient dynamo = EmbeddedDynamo.client();
    private final SqsClient sqs = EmbeddedSqs.client();
    private final SfnClient sfn = LocalAws.sfn(MotoServer.endpoint());
    private final InMemorySecretStore secrets = new InMemorySecretStore(Map.of("slipway/webhooks/github", SECRET));

    private TableNames tables;
    private String queueUrl;
    private String stateMachineArn;
    private Git origin;
    private RevCommit good;
    private RevCommit broken;
    private RevCommit forkCommit;
    private DynamoBuildStore builds;
    private QueuePump pump;

    @BeforeEach
    void setUp() throws Exception {
        tables = TableNames.withPrefix(EmbeddedDynamo.uniquePrefix());
        DynamoTables.createAll(dynamo, tables);
        queueUrl = SqsQueues.createBuildQueue(sqs, EmbeddedSqs.uniqueName("e2e"), Duration.ofMinutes(15), 3).queueUrl();
        stateMachineArn = sfn.createStateMachine(r -> r.name("pipeline-" + UUID.randomUUID()).definition(DEFINITION)
                .roleArn("arn:aws:iam::123456789012:role/slipway")).stateMachineArn();
        createRepository();
        builds = new DynamoBuildStore(dynamo, tables.builds());
        Dispatcher dispatcher = new Dispatcher(new JGitPipelineSource(secrets, temp.resolve("work")), builds,
                new SfnPipelineExecutions(sfn, stateMachineArn), Clock.systemUTC());
        pump = new QueuePump(sqs, queueUrl, new DispatchHandler(dispatcher));
    }

    private void createRepository() throws Exception {
        Path dir = temp.resolve("origin");
        origin = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        broken = commitFile(dir, resource("pipelines/broken.slipway.yml"), "break the pipeline");
        forkCommit = commitFile(dir, resource("pipelines/api.slipway.yml"), "a fork's change");
        // GitHub keeps every pull request's head under refs/pull/<n>/head of the base repository.
        RefUpdate pr = origin.getRepository().updateRef("refs/pull/8/head");
        pr.setNewObjectId(forkCommit);
        pr.forceUpdate();
        good = commitFile(dir, resource("pipelines/api.slipway.yml") + "# head\n", "fix the pipeline");
    }

    private RevCommit commitFile(Path dir, String text, String message) throws Exception {
        Files.writeString(dir.resolve(".slipway.yml"), text, StandardCharsets.UTF_8);
        origin.add().addFilepattern(".slipway.yml").call();
        return origin.commit().setMessage(message).setAuthor("Octo Cat", "octocat@example.com")
                .setCommitter("Octo Cat", "octocat@example.com").call();
    }

    private WebhookIngress ingress(String queue) {
        return new WebhookIngress(secrets, new DynamoDeliveryLedger(dynamo, tables.deliveries()),
                new SqsBuildQueue(sqs, queue), Clock.systemUTC(), WebhookConfig.defaults());
    }

    private byte[] push(RevCommit commit) throws IOException {
        ObjectNode payload = (ObjectNode) SlipwayJson.mapper().readTree(resource("events/github/push.json"));
        payload.put("after", commit.name());
        ((ObjectNode) payload.get("head_commit")).put("id", commit.name());
        ((ObjectNode) payload.get("repository")).put("clone_url", temp.resolve("origin").toUri().toString());
        return SlipwayJson.mapper().writeValueAsBytes(payload);
    }

    private byte[] forkPullRequest() throws IOException {
        ObjectNode payload = (ObjectNode) SlipwayJson.mapper().readTree(resource("events/github/pull_request-fork.json"));
        ((ObjectNode) payload.at("/pull_request/head")).put("sha", forkCommit.name());
        ((ObjectNode) payload.get("repository")).put("clone_url", temp.resolve("origin").toUri().toString());
        return SlipwayJson.mapper().writeValueAsBytes(payload);
    }

    private static WebhookRequest signed(String event, String delivery, byte[] body) {
        return new WebhookRequest("/webhooks/github",
                new WebhookHeaders(WebhookSigner.github(SECRET, event, delivery, body)), body);
    }

    private List<ExecutionListItem> executions() {
        return sfn.listExecutionsPaginator(r -> r.stateMachineArn(stateMachineArn)).executions().stream().toList();
    }

    private BuildRecord build(String delivery) {
        return builds.find(BuildId.forDelivery(Provider.GITHUB, delivery)).orElseThrow();
    }

    @Test
    void aDuplicateDeliveryStartsOneBuild() throws Exception {
        WebhookRequest request = signed("push", "dup-" + UUID.randomUUID(), push(good));
        String delivery = request.headers().get("X-GitHub-Delivery").orElseThrow();

        WebhookResponse first = ingress(queueUrl).handle(request);
        WebhookResponse second = ingress(queueUrl).handle(request);
        pump.drain();

        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(200);
        assertThat(executions()).singleElement().satisfies(e -> assertThat(e.name()).isEqualTo("github-" + delivery));
        assertThat(build(delivery).executionArn()).isEqualTo(executions().get(0).executionArn());
    }

    @Test
    void aBurstOfOneHundredDistinctWebhooksStartsOneHundredBuilds() throws Exception {
        byte[] body = push(good);
        AtomicInteger next = new AtomicInteger();
        WebhookIngress ingress = ingress(queueUrl);

        List<long[]> answers = Concurrently.run(100, () -> {
            long start = System.nanoTime();
            int status = ingress.handle(signed("push", "burst-" + next.incrementAndGet(), body)).status();
            return new long[] {status, System.nanoTime() - start};
        });
        long dispatchStart = System.nanoTime();
        pump.drain();
        report(answers, System.nanoTime() - dispatchStart);
        List<Long> statuses = answers.stream().map(a -> a[0]).toList();

        assertThat(statuses).hasSize(100).containsOnly(202L);
        assertThat(executions()).hasSize(100).extracting(ExecutionListItem::name).doesNotHaveDuplicates();
        assertThat(builds.latestForRepo("acme/api", 200)).hasSize(100)
                .allSatisfy(b -> assertThat(b.executionArn()).isNotNull());
    }

    @Test
    void sequentialWebhooksAreEachQueued() throws Exception {
        byte[] body = push(good);
        WebhookIngress ingress = ingress(queueUrl);
        List<Long> millis = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long start = System.nanoTime();
            assertThat(ingress.handle(signed("push", "seq-" + UUID.randomUUID(), body)).status()).isEqualTo(202);
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        List<Long> warm = millis.subList(10, 30).stream().sorted().toList();
        System.out.printf("sequential webhooks: first %d ms, warm p50 %d ms, warm max %d ms%n", millis.get(0),
                warm.get(10), warm.get(19));
    }

    @Test
    void aRedeliveryAfterAFailureBeforeQueueingStartsOneBuild() throws Exception {
        String delivery = "redeliver-" + UUID.randomUUID();
        WebhookRequest request = signed("push", delivery, push(good));
        String missingQueue = queueUrl.replaceFirst("[^/]+$", "no-such-queue");

        WebhookResponse failed = ingress(missingQueue).handle(request);
        WebhookResponse redelivered = ingress(queueUrl).handle(request);
        WebhookResponse again = ingress(queueUrl).handle(request);
        pump.drain();

        assertThat(failed.status()).isEqualTo(503);
        assertThat(redelivered.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(200);
        assertThat(executions()).hasSize(1);
    }

    @Test
    void aBrokenPipelineFileEndsFailedWithItsProblems() throws Exception {
        String delivery = "broken-" + UUID.randomUUID();

        ingress(queueUrl).handle(signed("push", delivery, push(broken)));
        pump.drain();

        BuildRecord record = build(delivery);
        assertThat(record.status()).isEqualTo(BuildStatus.FAILED);
        assertThat(record.problems()).extracting(p -> p.line() + ":" + p.column() + " " + p.code())
                .containsExactly("4:3 unknown-key", "11:20 undefined-environment");
        assertThat(executions()).isEmpty();
    }

    @Test
    void aForkPullRequestGetsNoSecretsAndNoDeployStage() throws Exception {
        String delivery = "fork-" + UUID.randomUUID();

        ingress(queueUrl).handle(signed("pull_request", delivery, forkPullRequest()));
        pump.drain();

        BuildRecord record = build(delivery);
        assertThat(record.request().untrusted()).isTrue();
        assertThat(record.stages()).extracting(s -> s.name()).containsExactly("integration", "build");
        String input = sfn.describeExecution(r -> r.executionArn(record.executionArn())).input();
        JsonNode plan = SlipwayJson.mapper().readTree(input).get("plan");
        assertThat(plan.get("secrets")).isEmpty();
        assertThat(plan.get("deployAllowed").asBoolean()).isFalse();
        assertThat(secrets.lookups()).doesNotContain("NPM_TOKEN");
    }

    /** Measurements for the record (printed, not asserted: timing depends on the machine). */
    private static void report(List<long[]> answers, long dispatchNanos) {
        List<Long> millis = answers.stream().map(a -> a[1] / 1_000_000).sorted().toList();
        System.out.printf("burst of 100 webhooks, 100 concurrent senders: answer p50 %d ms, p99 %d ms, max %d ms;"
                + " dispatch of 100 messages %d ms (%d ms each)%n", millis.get(49), millis.get(98), millis.get(99),
                dispatchNanos / 1_000_000, dispatchNanos / 100_000_000);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = IngressPipelineIT.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
