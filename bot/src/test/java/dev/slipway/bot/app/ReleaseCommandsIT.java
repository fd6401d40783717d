package dev.slipway.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.bot.fakes.ReleaseRecords;
import dev.slipway.bot.release.ChatReleases;
import dev.slipway.bot.release.PipelineReleaseActions;
import dev.slipway.bot.release.ReleaseLookup;
import dev.slipway.bot.release.StoreReleaseStatus;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.ReleaseOrder;
import dev.slipway.core.deploy.DeploymentStatus;
import dev.slipway.core.deploy.ServiceEnvironment;
import dev.slipway.core.scm.EventKind;
import dev.slipway.testkit.approval.InMemoryApprovalStore;
import dev.slipway.testkit.build.InMemoryBuildStore;
import dev.slipway.testkit.build.RecordingBuildQueue;
import dev.slipway.testkit.build.RecordingPipelineExecutions;
import dev.slipway.testkit.build.TestBuilds;
import dev.slipway.testkit.deploy.InMemoryDeploymentStore;
import dev.slipway.testkit.slack.SlackRequestSigner.SignedRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signed {@code /deploy}, {@code /rollback} and {@code /status} over HTTP into the Bolt app on the
 * real release ports ({@link ChatReleases}, {@link StoreReleaseStatus}) over in-memory records:
 * what is queued, what the requester reads, and refusals that start nothing.
 */
class ReleaseCommandsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V1 = "localhost:5000/acme/api@sha256:" + "1".repeat(64);
    private static final String V2 = "localhost:5000/acme/api@sha256:" + "2".repeat(64);
    private static final ServiceEnvironment PRODUCTION = new ServiceEnvironment("api", "production");
    private static final ServiceEnvironment STAGING = new ServiceEnvironment("api", "staging");

    private final InMemoryBuildStore builds = new InMemoryBuildStore();
    private final InMemoryDeploymentStore deployments = new InMemoryDeploymentStore();
    private final RecordingBuildQueue queue = new RecordingBuildQueue();
    private final Clock clock = Clock.fixed(TestBuilds.T0.plusSeconds(3600), ZoneOffset.UTC);
    private BotHarness bot;
    private BuildRecord v1;
    private BuildRecord v2;

    @BeforeEach
    void start() {
        v1 = ReleaseRecords.built(builds, "v1", V1, 1);
        v2 = ReleaseRecords.built(builds, "v2", V2, 2);
        ReleaseRecords.deployed(deployments, v1, PRODUCTION, DeploymentStatus.SUCCEEDED, 10);
        ReleaseRecords.deployed(deployments, v2, PRODUCTION, DeploymentStatus.SUCCEEDED, 20);
        ReleaseRecords.deployed(deployments, v2, STAGING, DeploymentStatus.SUCCEEDED, 15);
        bot = new BotHarness(new PipelineReleaseActions(builds, queue, new RecordingPipelineExecutions(),
                new ChatReleases(new ReleaseLookup(builds, deployments), queue, clock), clock),
                new StoreReleaseStatus(builds, deployments, new InMemoryApprovalStore(), clock));
    }

    @AfterEach
    void close() {
        bot.close();
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void rollbackQueuesTheLastGoodImageAndAnnouncesItInTheChannel() throws Exception {
        JsonNode answer = ok(bot.send(bot.command("U0ALICE", "/rollback", "api production")));

        assertThat(answer.path("response_type").asText()).isEqualTo("in_channel");
        assertThat(answer.path("text").asText()).contains("Rollback #slack-trigger-").contains("from " + V2 + " to " + V1);
        assertThat(queue.queued()).singleElement().satisfies(request -> {
            assertThat(request.event()).isEqualTo(EventKind.CHAT);
            assertThat(request.actor()).isEqualTo("U0ALICE");
            assertThat(request.release()).isEqualTo(new ReleaseOrder(ReleaseOrder.Kind.ROLLBACK, "api", "production", V1,
                    v1.id(), V2));
        });
    }

    @Test
    void deployQueuesTheNamedBuildToTheEnvironment() throws Exception {
        JsonNode answer = ok(bot.send(bot.command("U0ALICE", "/deploy", "api #" + v1.id() + " to staging")));

        assertThat(answer.path("response_type").asText()).isEqualTo("in_channel");
        assertThat(answer.path("text").asText()).contains("Deploy #slack-trigger-").contains("to staging");
        assertThat(queue.queued()).singleElement().satisfies(request -> assertThat(request.release())
                .isEqualTo(new ReleaseOrder(ReleaseOrder.Kind.DEPLOY, "api", "staging", V1, v1.id(), null)));
    }

    @Test
    void refusalsAreEphemeralSayWhatWasWrongAndQueueNothing() throws Exception {
        List<String> refusals = new ArrayList<>();
        for (String[] command : new String[][] {
                {"/rollback", "api"},
                {"/rollback", "api qa"},
                {"/rollback", "api production to #nope"},
                {"/rollback", "billing production"},
                {"/rollback", "api production to localhost:5000/acme/api@sha256:" + "9".repeat(64)},
                {"/deploy", "api #nope to production"},
                {"/deploy", "billing to production"}}) {
            JsonNode answer = ok(bot.send(bot.command("U0ALICE", command[0], command[1])));
            assertThat(answer.path("response_type").asText()).as(String.join(" ", command)).isEqualTo("ephemeral");
            refusals.add(answer.path("text").asText());
        }

        assertThat(refusals.get(0)).contains("runs in [production, staging]: say which");
        assertThat(refusals.get(1)).contains("has never been deployed to `qa`");
        assertThat(refusals.get(2)).contains("There is no build #nope");
        assertThat(refusals.get(3)).contains("has not deployed `billing` anywhere");
        assertThat(refusals.get(4)).contains("never ran healthily in production");
        assertThat(refusals.get(5)).contains("There is no build #nope");
        assertThat(refusals.get(6)).contains("has not deployed `billing` anywhere");
        assertThat(queue.queued()).isEmpty();
    }

    @Test
    void statusWithoutArgumentsShowsWhatRunsWhere() throws Exception {
        JsonNode answer = ok(bot.send(bot.command("U0ALICE", "/status", "")));

        assertThat(answer.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(answer.toString()).contains("production").contains("staging").contains(v2.id().value());
    }

    @Test
    void aRetriedRollbackIsQueuedOnce() throws Exception {
        SignedRequest first = bot.command("U0ALICE", "/rollback", "api production");
        ok(bot.send(first));
        ok(bot.send(first.retry(1, "http_timeout")));

        assertThat(queue.queued()).hasSize(1);
    }

    /** Not an assertion (timing belongs in bench/): the acknowledgement time of /rollback, printed for the report. */
    @Test
    void rollbackAcknowledgementTimes() throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long started = System.nanoTime();
            ok(bot.send(bot.command("U0ALICE", "/rollback", "api production")));
            millis.add((System.nanoTime() - started) / 1e6);
        }
        double first = millis.get(0);
        List<Double> warm = new ArrayList<>(millis.subList(1, millis.size()));
        Collections.sort(warm);
        System.out.printf("/rollback ack over HTTP: first %.1f ms; warm median %.1f ms, max %.1f ms (n=%d)%n",
                first, warm.get(warm.size() / 2), warm.get(warm.size() - 1), warm.size());
        assertThat(queue.queued()).as("one build per Slack request").hasSize(30);
    }
}
