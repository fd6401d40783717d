package dev.slipway.runtime.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.core.json.SlipwayJson;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slipway up} in its own JVM, driven over HTTP as GitHub and scripts drive it: a signed push
 * is answered with a build id that the JSON API then shows, and what was recorded survives a clean
 * stop and a kill -9.
 */
class SlipwayUpIT {

    @TempDir
    Path dir;
    private Path data;
    private Path config;
    private String commit;

    @BeforeEach
    void setUp() throws Exception {
        Path repo = dir.resolve("api");
        commit = UpFixture.repository(repo);
        config = UpFixture.config(dir, repo);
        data = dir.resolve("data");
    }

    @Test
    void aSignedPushIsAnsweredWithItsBuildIdAndTheApiShowsTheBuild() throws Exception {
        try (UpProcess up = UpProcess.start(data, config, UpFixture.env())) {
            URI base = up.base();
            HttpResponse<String> answer = UpFixture.push(base, "delivery-1", commit, UpFixture.SECRET);

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            String buildId = json(answer).path("buildId").asText();
            assertThat(buildId).isEqualTo("github-delivery-1");
            JsonNode build = awaitBuild(base, buildId);
            assertThat(build.path("request").path("commit").asText()).isEqualTo(commit);
            assertThat(build.path("request").path("repo").path("fullName").asText()).isEqualTo("acme/api");
            assertThat(build.path("request").path("repo").path("cloneUrl").asText())
                    .as("the configured repository mapping").startsWith("file:").endsWith("/api/");
            assertThat(build.path("stages").findValuesAsText("name")).contains("integration");
            JsonNode list = json(UpFixture.get(base, "api/builds?repo=acme/api"));
            assertThat(list.path("builds").findValuesAsText("id")).contains(buildId);
            assertThat(up.stop()).as(up.output()).isIn(0, 143);
        }
    }

    @Test
    void thePushedCommitsPipelineRunsInDockerToSuccessAndItsLogIsOnTheBuildPage() throws Exception {
        try (UpProcess up = UpProcess.start(data, config, UpFixture.env())) {
            URI base = up.base();
            String buildId = json(UpFixture.push(base, "run-1", commit, UpFixture.SECRET)).path("buildId").asText();

            JsonNode build = await("build " + buildId + " to end").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> parse(UpFixture.get(base, "api/builds/" + buildId).body()),
                            b -> b.path("status").asText().matches("SUCCEEDED|FAILED|CANCELLED|ROLLED_BACK"));

            assertThat(build.path("status").asText()).as(build.toPrettyString() + "\n" + up.output()).isEqualTo("SUCCEEDED");
            assertThat(build.path("stages").get(0).path("name").asText()).isEqualTo("integration");
            assertThat(build.path("stages").get(0).path("status").asText()).isEqualTo("SUCCEEDED");
            String events = UpFixture.get(base, "builds/" + buildId + "/events").body();
            assertThat(events).contains("hello from the integration stage").contains("event: end");
            assertThat(UpFixture.get(base, "builds/" + buildId).body()).contains("<title>Build " + buildId);
        }
    }

    @Test
    void aForgedSignatureIsRefusedAndNothingIsRecorded() throws Exception {
        try (UpProcess up = UpProcess.start(data, config, UpFixture.env())) {
            URI base = up.base();
            HttpResponse<String> answer = UpFixture.push(base, "forged-1", commit, "file-secret-overridden-by-env");

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
            assertThat(UpFixture.get(base, "api/builds/github-forged-1").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void recordsSurviveAStopAndAStart() throws Exception {
        String buildId;
        try (UpProcess first = UpProcess.start(data, config, UpFixture.env())) {
            buildId = json(UpFixture.push(first.base(), "restart-1", commit, UpFixture.SECRET)).path("buildId").asText();
            awaitBuild(first.base(), buildId);
            assertThat(first.stop()).as(first.output()).isIn(0, 143);
        }
        try (UpProcess second = UpProcess.start(data, config, UpFixture.env())) {
            assertThat(awaitBuild(second.base(), buildId).path("request").path("commit").asText()).isEqualTo(commit);
            HttpResponse<String> again = UpFixture.push(second.base(), "restart-1", commit, UpFixture.SECRET);
            assertThat(json(again).path("status").asText()).as("the delivery ledger survived too").isEqualTo("duplicate");
        }
    }

    @Test
    void recordsSurviveAKillMinusNine() throws Exception {
        String buildId;
        try (UpProcess first = UpProcess.start(data, config, UpFixture.env())) {
            buildId = json(UpFixture.push(first.base(), "kill-1", commit, UpFixture.SECRET)).path("buildId").asText();
            awaitBuild(first.base(), buildId);
            first.kill();
        }
        try (UpProcess second = UpProcess.start(data, config, UpFixture.env())) {
            JsonNode build = json(UpFixture.get(second.base(), "api/builds/" + buildId));
            assertThat(build.path("id").asText()).isEqualTo(buildId);
            assertThat(build.path("request").path("commit").asText()).isEqualTo(commit);
        }
    }

    private static JsonNode awaitBuild(URI base, String id) {
        return await("build " + id + " recorded by dispatch").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> UpFixture.get(base, "api/builds/" + id), r -> r.statusCode() == 200)
                .body().transform(SlipwayUpIT::parse);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return parse(response.body());
    }

    private static JsonNode parse(String text) {
        try {
            return SlipwayJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
