package dev.slipway.runtime.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import dev.slipway.bot.message.ApprovalMessages;
import dev.slipway.builder.docker.DockerClients;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.deploy.Deployment;
import dev.slipway.core.deploy.DeploymentKind;
import dev.slipway.core.deploy.DeploymentStatus;
import dev.slipway.core.deploy.ServiceEnvironment;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.core.scm.Provider;
import dev.slipway.functions.aws.DynamoDeploymentStore;
import dev.slipway.functions.aws.TableNames;
import dev.slipway.runtime.embedded.LocalAws;
import dev.slipway.runtime.pipeline.DockerDeployTarget;
import dev.slipway.testkit.env.DevRegistry;
import dev.slipway.testkit.slack.SlackMessage;
import dev.slipway.testkit.slack.SlackPayloads;
import dev.slipway.testkit.slack.SlackRequestSigner;
import dev.slipway.testkit.slack.SlackWebApiServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, case 3, against {@code slipway up} in its own JVM with real Docker, the local registry
 * and the testkit's Slack Web API: v1 and v2 are pushed, approved with signed button clicks and
 * deployed; {@code /rollback} from Slack is approved the same way and v1 serves again, recorded as
 * a ROLLBACK by the person who asked, and the build's Slack thread says from which image to which.
 */
class SlackRollbackIT {

    private static final String SIGNING_SECRET = "it-slack-signing-secret";
    private static final String TOKEN = "xoxb-rollback-it";
    private static final String CHANNEL = "C0DEPLOYS";
    private static final String SERVICE = "rollback-web";
    private static final String IMAGE = "127.0.0.1:5000/slipway-it/rollback-web";
    private static final ServiceEnvironment PRODUCTION = new ServiceEnvironment(SERVICE, "production");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    private final DockerClient docker = DockerClients.fromEnvironment();
    private final SlackRequestSigner signer = new SlackRequestSigner(SIGNING_SECRET);
    private final List<String> builtTags = new ArrayList<>();
    private SlackWebApiServer slack;
    private int port;

    @BeforeEach
    void startSlack() {
        slack = SlackWebApiServer.start().token(TOKEN, SlackWebApiServer.BOT_SCOPES, "U0SLIPWAY").channel(CHANNEL, "deploys");
        port = LocalAws.freePort();
    }

    @AfterEach
    void cleanUp() {
        for (Container c : docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(DockerDeployTarget.DEPLOY_LABEL, PRODUCTION.toString())).exec()) {
            docker.removeContainerCmd(c.getId()).withForce(true).exec();
        }
        for (String tag : builtTags) {
            try {
                docker.removeImageCmd(tag).exec();
            } catch (NotFoundException e) {
                // The build did not get as far as tagging it.
            }
        }
        slack.close();
    }

    @Test
    void rollbackFromSlackPutsThePreviousImageBackAfterApproval() throws Exception {
        List<String> commits = repository(dir.resolve("web"));
        Path config = UpFixture.config(dir, dir.resolve("web"));
        try (UpProcess up = UpProcess.start(dir.resolve("data"), config, env())) {
            URI base = up.base();
            String v1 = deployPush(base, "rollback-v1", commits.get(0));
            assertThat(serving()).isEqualTo("v1");
            String v2 = deployPush(base, "rollback-v2", commits.get(1));
            assertThat(serving()).isEqualTo("v2");

            long started = System.nanoTime();
            HttpResponse<String> ack = send(base, signer.command(SlackPayloads.slashCommand(CHANNEL, "U0ALICE", "/rollback",
                    SERVICE + " production", slack.newResponseUrl(), "trigger-rollback-1")));
            double ackMillis = (System.nanoTime() - started) / 1e6;
            System.out.printf("/rollback acknowledged in %.1f ms (first command of this slipway up)%n", ackMillis);

            String rollback = BuildId.forDelivery(Provider.SLACK, "trigger-rollback-1").value();
            assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
            assertThat(ack.body()).contains("Rollback #" + rollback).contains("from " + v2).contains("to " + v1)
                    .contains("in_channel");
            approve(base, rollback);
            JsonNode build = awaitEnd(base, rollback, up);
            assertThat(build.path("status").asText()).as(build.toPrettyString() + "\n" + up.output()).isEqualTo("SUCCEEDED");
            assertThat(serving()).isEqualTo("v1");

            Deployment current = deployments(up).current(PRODUCTION).orElseThrow();
            assertThat(current.kind()).isEqualTo(DeploymentKind.ROLLBACK);
            assertThat(current.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
            assertThat(current.image()).isEqualTo(v1);
            assertThat(current.actor()).isEqualTo("U0ALICE");
            assertThat(slack.messages()).as("the rollback build's thread")
                    .anySatisfy(m -> assertThat(m.visibleText()).contains("rolled back by <@U0ALICE>")
                            .contains(v2).contains(v1));

            long warm = System.nanoTime();
            HttpResponse<String> refused = send(base, signer.command(SlackPayloads.slashCommand(CHANNEL, "U0ALICE",
                    "/rollback", "no-such-service", slack.newResponseUrl(), "trigger-rollback-2")));
            System.out.printf("/rollback refused in %.1f ms (warm)%n", (System.nanoTime() - warm) / 1e6);
            assertThat(refused.body()).contains("ephemeral").contains("has not deployed `no-such-service`");
        }
    }

    /** Pushes {@code commit}, approves production as U0BOB, and answers the image it deployed. */
    private String deployPush(URI base, String delivery, String commit) throws Exception {
        builtTags.add(IMAGE + ":" + commit);
        String id = SlipwayJson.mapper().readTree(UpFixture.push(base, delivery, commit, UpFixture.SECRET).body())
                .path("buildId").asText();
        approve(base, id);
        JsonNode build = await("build " + id + " to end").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> json(UpFixture.get(base, "api/builds/" + id)), b -> terminal(b.path("status").asText()));
        assertThat(build.path("status").asText()).as(build.toPrettyString()).isEqualTo("SUCCEEDED");
        return build.path("images").path(SERVICE).asText();
    }

    /** Waits for the build's approval request in Slack and clicks Approve on it as U0BOB, signed as Slack signs. */
    private void approve(URI base, String buildId) {
        SlackMessage request = await("approval request of " + buildId).atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> slack.messagesIn(CHANNEL).stream().filter(m -> approvalOf(m, buildId)).findFirst(),
                        Optional::isPresent).orElseThrow();
        String approvalId = request.buttonValue(ApprovalMessages.APPROVE_ACTION);
        HttpResponse<String> click = send(base, signer.interaction(SlackPayloads.buttonClick(CHANNEL, "U0BOB",
                ApprovalMessages.APPROVE_ACTION, approvalId, request.ts(), slack.newResponseUrl(), "click-" + approvalId)));
        assertThat(click.statusCode()).as(click.body()).isEqualTo(200);
    }

    private static boolean approvalOf(SlackMessage message, String buildId) {
        String value = message.buttonValue(ApprovalMessages.APPROVE_ACTION);
        return value != null && value.startsWith(buildId + "-");
    }

    private JsonNode awaitEnd(URI base, String id, UpProcess up) {
        return await("build " + id + " to end").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> json(UpFixture.get(base, "api/builds/" + id)), b -> terminal(b.path("status").asText()));
    }

    private static boolean terminal(String status) {
        return status.matches("SUCCEEDED|FAILED|CANCELLED|ROLLED_BACK");
    }

    private String serving() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/version")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body().strip();
    }

    private HttpResponse<String> send(URI base, SlackRequestSigner.SignedRequest request) {
        try {
            return HTTP.send(request.post(base.resolve("slack/events")), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The deployment records of the running {@code slipway up}, through the DynamoDB endpoint it prints. */
    private static DynamoDeploymentStore deployments(UpProcess up) {
        String line = up.output().lines().filter(l -> l.trim().startsWith("dynamodb")).findFirst().orElseThrow();
        URI endpoint = URI.create(line.trim().split("\\s+")[1]);
        return new DynamoDeploymentStore(LocalAws.dynamo(endpoint), TableNames.withPrefix(SlipwayUp.TABLE_PREFIX).deployments());
    }

    private Map<String, String> env() {
        DevRegistry registry = DevRegistry.load();
        Map<String, String> env = new HashMap<>(UpFixture.env());
        env.put("SLIPWAY_SLACK_SIGNING_SECRET", SIGNING_SECRET);
        env.put("SLIPWAY_SLACK_BOT_TOKEN", TOKEN);
        env.put("SLIPWAY_SLACK_API_URL", slack.methodsUrlPrefix());
        env.put("SLIPWAY_REGISTRY_USERNAME", registry.username());
        env.put("SLIPWAY_REGISTRY_PASSWORD", registry.password());
        return env;
    }

    /** The fixture's web page committed twice on main, serving v1 then v2; answers both commits. */
    private List<String> repository(Path repo) throws Exception {
        Path fixture = Path.of("src/test/resources/up/rollback");
        Files.createDirectories(repo.resolve("www"));
        Files.writeString(repo.resolve(".slipway.yml"), Files.readString(fixture.resolve(".slipway.yml"))
                .replace("PORT", Integer.toString(port)));
        Files.copy(fixture.resolve("Dockerfile"), repo.resolve("Dockerfile"));
        List<String> commits = new ArrayList<>();
        try (Git git = Git.init().setInitialBranch("main").setDirectory(repo.toFile()).call()) {
            PersonIdent me = new PersonIdent("Slipway Test", "test@slipway.dev");
            for (String version : List.of("v1", "v2")) {
                Files.writeString(repo.resolve("www/version"), version + "\n");
                git.add().addFilepattern(".").call();
                commits.add(git.commit().setMessage(version).setAuthor(me).setCommitter(me).setSign(false).call().getName());
            }
        }
        return commits;
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return SlipwayJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
