package dev.slipway.runtime.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.slipway.bot.message.ApprovalMessages;
import dev.slipway.builder.docker.DockerClients;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.core.task.TaskSpec;
import dev.slipway.runtime.docker.Reaper;
import dev.slipway.testkit.env.DevRegistry;
import dev.slipway.testkit.slack.SlackMessage;
import dev.slipway.testkit.slack.SlackPayloads;
import dev.slipway.testkit.slack.SlackRequestSigner;
import dev.slipway.testkit.slack.SlackRequestSigner.SignedRequest;
import dev.slipway.testkit.slack.SlackWebApiServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, cases 1 and 2, against {@code slipway up} in its own JVM over HTTP with real Docker, the
 * dev registry and the fake Slack Web API: a signed push of the counter example runs every stage,
 * pushes its image, deploys staging, asks for approval in Slack, and a signed button click deploys
 * production; the next push's production health check fails and the last good image is put back.
 */
class DeliveryEndToEndIT {

    private static final Path COUNTER = Path.of("..", "examples", "counter").toAbsolutePath().normalize();
    private static final String SIGNING_SECRET = "e2e-slack-signing-secret";
    private static final String TOKEN = "xoxb-slipway-e2e";
    private static final String CHANNEL = "C0DEPLOYS";
    private static final String APPROVER = "U012ABCDEF";
    /** Not the example's name: other tests deploy {@code counter} on the same daemon. */
    private static final String SERVICE = "e2e-delivery";
    private static final String REPOSITORY = "e2e/delivery";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    private final DockerClient docker = DockerClients.fromEnvironment();
    private final DevRegistry registry = DevRegistry.load();
    private final SlackWebApiServer slack = SlackWebApiServer.start()
            .token(TOKEN, SlackWebApiServer.BOT_SCOPES, "U0SLIPWAY").channel(CHANNEL, "deploys");
    private final SlackRequestSigner signer = new SlackRequestSigner(SIGNING_SECRET);
    private final List<String> buildIds = new ArrayList<>();
    private final List<String> images = new ArrayList<>();
    private int staging;
    private int production;

    @AfterEach
    void removeWhatTheTestDeployed() {
        slack.close();
        for (String environment : List.of("staging", "production")) {
            try {
                docker.removeContainerCmd("slipway-" + SERVICE + "-" + environment).withForce(true).exec();
            } catch (NotFoundException gone) {
                // never deployed there
            }
        }
        Reaper reaper = new Reaper(docker);
        buildIds.forEach(reaper::reapBuild);
        for (String image : images) {
            try {
                docker.removeImageCmd(image).exec(); // the exact reference the deploys pulled, never forced
            } catch (NotFoundException | ConflictException kept) {
                // not pulled, or still used by a container that is not this test's
            }
        }
    }

    @Test
    void aPushIsBuiltPushedDeployedApprovedInSlackAndAFailingProductionDeployIsRolledBack() throws Exception {
        staging = freePort();
        production = freePort();
        Path repo = dir.resolve("counter");
        String first = commitCounter(repo, true, "counter, ready for production");
        Path config = UpFixture.config(dir, repo);
        Map<String, String> env = Map.of("SLIPWAY_WEBHOOK_SECRET", UpFixture.SECRET,
                "SLIPWAY_SLACK_SIGNING_SECRET", SIGNING_SECRET, "SLIPWAY_SLACK_BOT_TOKEN", TOKEN,
                "SLIPWAY_SLACK_API_URL", slack.methodsUrlPrefix());

        try (UpProcess up = UpProcess.start(dir.resolve("data"), config, env)) {
            URI base = up.base();

            // Case 1: push, every stage in Docker, staging, approval in Slack, production.
            String good = push(base, "e2e-push-1", first);
            awaitStatus(base, good, "WAITING_APPROVAL", up);
            JsonNode waiting = build(base, good);
            String image = waiting.path("images").elements().next().asText();
            images.add(image);
            assertThat(image).as(waiting.toPrettyString()).startsWith(registry.host() + "/" + REPOSITORY + "@sha256:");
            assertThat(registryDigest(first)).as("the digest the registry serves for tag " + first)
                    .isEqualTo(image.substring(image.indexOf('@') + 1));
            assertThat(httpGet(staging, "/version")).as("staging serves the pushed commit").isEqualTo(first);

            approveInSlack(base, good, up);
            JsonNode done = awaitEnd(base, good, up);
            assertThat(done.path("status").asText()).as(done.toPrettyString() + "\n" + up.output()).isEqualTo("SUCCEEDED");
            assertThat(done.path("stages").findValuesAsText("name"))
                    .contains("integration", "build", "deploy:staging", "deploy:production");
            assertThat(done.path("stages").findValuesAsText("status")).containsOnly("SUCCEEDED");
            assertThat(httpGet(production, "/version")).as("production serves the pushed commit").isEqualTo(first);
            SlackMessage message = buildMessage(good);
            assertThat(message.text()).as("titled by the pipeline's service").startsWith(SERVICE + " #" + good);
            assertThat(message.revision()).as("the build's one message was updated through the stages").isGreaterThan(2);
            assertThat(message.visibleText()).contains("production").contains(first.substring(0, 7));

            // Case 2: the next push's production health check fails; the first image is put back.
            String second = commitCounter(repo, false, "an image without the readiness page production checks");
            String bad = push(base, "e2e-push-2", second);
            awaitStatus(base, bad, "WAITING_APPROVAL", up);
            images.add(build(base, bad).path("images").elements().next().asText());
            assertThat(httpGet(staging, "/version")).isEqualTo(second);
            approveInSlack(base, bad, up);
            JsonNode rolledBack = awaitEnd(base, bad, up);
            assertThat(rolledBack.path("status").asText()).as(rolledBack.toPrettyString() + "\n" + up.output())
                    .isEqualTo("ROLLED_BACK");
            assertThat(httpGet(production, "/version")).as("production serves the last good image again").isEqualTo(first);
            SlackMessage badMessage = buildMessage(bad);
            List<SlackMessage> thread = slack.threadReplies(CHANNEL, badMessage.ts());
            assertThat(thread.stream().map(SlackMessage::visibleText)).as("the build's Slack thread")
                    .anySatisfy(text -> assertThat(text).containsIgnoringCase("rolled back").contains("production"));
            assertThat(slack.calls("chat.postMessage")).allSatisfy(call -> assertThat(call.ok()).isTrue());
        }
        for (String id : buildIds) {
            Reaper.Sweep left = new Reaper(docker).leftovers(Map.of(TaskSpec.BUILD_LABEL, id));
            assertThat(left.isEmpty()).as("what build " + id + " left on Docker: " + left).isTrue();
        }
    }

    /**
     * The example's pipeline under a service name and ports of this test; production checks
     * {@code /ready}, a page the example does not have and the test adds (or not) to the image.
     */
    private String pipeline() throws IOException {
        String text = Files.readString(COUNTER.resolve(".slipway.yml"))
                .replace("service: counter", "service: " + SERVICE)
                .replace("127.0.0.1:5000/examples/counter", registry.host() + "/" + REPOSITORY)
                .replace("port: 18081", "port: " + staging)
                .replace("port: 18091", "port: " + production);
        int productionAt = text.indexOf("  production:");
        String productionPart = text.substring(productionAt).replaceFirst("http: /health\n      timeout: 30s",
                "http: /ready\n      timeout: 10s");
        return text.substring(0, productionAt) + productionPart;
    }

    /** The counter example with this test's pipeline and, when {@code ready}, www/ready, committed on main; returns the commit. */
    private String commitCounter(Path repo, boolean ready, String message) throws Exception {
        try (Stream<Path> files = Files.walk(COUNTER)) {
            for (Path from : files.sorted(Comparator.naturalOrder()).toList()) {
                Path to = repo.resolve(COUNTER.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.writeString(repo.resolve(".slipway.yml"), pipeline());
        Path readiness = repo.resolve("www/ready");
        if (ready) {
            Files.writeString(readiness, "ready\n");
        } else {
            Files.deleteIfExists(readiness);
        }
        try (Git git = Files.isDirectory(repo.resolve(".git")) ? Git.open(repo.toFile())
                : Git.init().setInitialBranch("main").setDirectory(repo.toFile()).call()) {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call(); // the removal of www/ready too
            PersonIdent me = new PersonIdent("Slipway Test", "test@slipway.dev");
            return git.commit().setMessage(message).setAuthor(me).setCommitter(me).setSign(false).call().getName();
        }
    }

    private String push(URI base, String delivery, String commit) throws Exception {
        HttpResponse<String> answer = UpFixture.push(base, delivery, commit, UpFixture.SECRET);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        String id = parse(answer.body()).path("buildId").asText();
        buildIds.add(id);
        return id;
    }

    /** Finds the approval request in Slack and clicks its Approve button as the approver, signed as Slack signs. */
    private void approveInSlack(URI base, String buildId, UpProcess up) throws Exception {
        SlackMessage request;
        try {
            request = await("the approval request of " + buildId + " in Slack").atMost(Duration.ofSeconds(60))
                    .until(() -> slack.messagesIn(CHANNEL).stream()
                            .filter(m -> m.buttonValue(ApprovalMessages.APPROVE_ACTION) != null
                                    && m.visibleText().contains(buildId))
                            .findFirst().orElse(null), m -> m != null);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no approval request of " + buildId + " in Slack; messages: " + slack.messages()
                    + "\ncalls: " + slack.calls() + "\n" + up.output(), e);
        }
        SignedRequest click = signer.interaction(SlackPayloads.buttonClick(CHANNEL, APPROVER,
                ApprovalMessages.APPROVE_ACTION, request.buttonValue(ApprovalMessages.APPROVE_ACTION), request.ts(),
                slack.newResponseUrl(), "trigger-" + buildId));
        HttpResponse<String> answer = HTTP.send(click.post(base.resolve("slack/events")), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    /** The build's one top-level message (an approval request names the build as {@code (build #id)}). */
    private SlackMessage buildMessage(String buildId) {
        List<SlackMessage> mine = slack.messagesIn(CHANNEL).stream()
                .filter(m -> m.threadTs() == null && m.text().contains("#" + buildId + " "))
                .toList();
        assertThat(mine).as("messages of " + buildId + " in " + slack.messagesIn(CHANNEL)).hasSize(1);
        return mine.get(0);
    }

    /** The digest the registry answers for {@code tag} of the test's repository, as a pull would resolve it. */
    private String registryDigest(String tag) throws Exception {
        String login = Base64.getEncoder().encodeToString((registry.username() + ":" + registry.password())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest head = HttpRequest.newBuilder(URI.create("http://" + registry.host() + "/v2/" + REPOSITORY + "/manifests/" + tag))
                .header("Authorization", "Basic " + login)
                .header("Accept", String.join(",", "application/vnd.oci.image.index.v1+json",
                        "application/vnd.oci.image.manifest.v1+json",
                        "application/vnd.docker.distribution.manifest.list.v2+json",
                        "application/vnd.docker.distribution.manifest.v2+json"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<Void> answer = HTTP.send(head, HttpResponse.BodyHandlers.discarding());
        assertThat(answer.statusCode()).as("registry HEAD manifest " + tag).isEqualTo(200);
        return answer.headers().firstValue("Docker-Content-Digest").orElseThrow();
    }

    private static String httpGet(int port, String path) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("GET :" + port + path).isEqualTo(200);
        return answer.body().strip();
    }

    private static void awaitStatus(URI base, String id, String status, UpProcess up) {
        await("build " + id + " to reach " + status).atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1))
                .failFast("build " + id + " ended", () -> build(base, id).path("status").asText()
                        .matches("SUCCEEDED|FAILED|CANCELLED|ROLLED_BACK"))
                .until(() -> build(base, id).path("status").asText(), status::equals);
    }

    private static JsonNode awaitEnd(URI base, String id, UpProcess up) {
        return await("build " + id + " to end").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> build(base, id), b -> b.path("status").asText().matches("SUCCEEDED|FAILED|CANCELLED|ROLLED_BACK"));
    }

    private static JsonNode build(URI base, String id) throws Exception {
        return parse(UpFixture.get(base, "api/builds/" + id).body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static JsonNode parse(String text) {
        try {
            return SlipwayJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
