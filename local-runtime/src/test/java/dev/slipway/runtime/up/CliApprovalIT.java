package dev.slipway.runtime.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.core.approval.ApprovalState;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.functions.aws.DynamoApprovalStore;
import dev.slipway.functions.aws.TableNames;
import dev.slipway.runtime.embedded.LocalAws;
import dev.slipway.runtime.cli.Console;
import dev.slipway.runtime.cli.SlipwayCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slipway approve|reject} against {@code slipway up} without Slack: the console names the
 * command, the same rules as a button click judge it, and only the token in {@code up.json} is heard.
 */
class CliApprovalIT {

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private Result cli(Path data, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SlipwayCli cli = new SlipwayCli(List.of(ApprovalCommand.approve(Map.of()), ApprovalCommand.reject(Map.of())));
        int exit = cli.run(List.of(args), new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), data.getParent()));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anApproverApprovesFromTheCommandLineAndTheBuildContinues() throws Exception {
        Path repo = dir.resolve("api");
        String commit = UpFixture.repository(repo, "approval");
        Path data = dir.resolve("data");
        try (UpProcess up = UpProcess.start(data, UpFixture.config(dir, repo), UpFixture.env())) {
            URI base = up.base();
            String id = json(UpFixture.push(base, "cli-approval-1", commit, UpFixture.SECRET)).path("buildId").asText();
            await("the approval request on the console").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> up.output().contains("answer with: slipway approve " + id));
            assertThat(Files.getPosixFilePermissions(data.resolve("up.json")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));

            Result stranger = cli(data, "approve", id, "--as", "U0MALLORY", "--data", "data");
            assertThat(stranger.exit()).as(stranger.err()).isEqualTo(1);
            assertThat(stranger.err()).contains("You are not an approver").contains("<@U0BOB>");
            Result usage = cli(data, "approve");
            assertThat(usage.exit()).isEqualTo(2);
            assertThat(usage.err()).contains("which build?");
            HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("api/approvals"))
                    .header("Authorization", "Bearer not-the-token")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"build\":\"" + id + "\",\"user\":\"U0BOB\",\"verdict\":\"approve\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).isEqualTo(401);
            assertThat(json(UpFixture.get(base, "api/builds/" + id)).path("status").asText()).isEqualTo("WAITING_APPROVAL");

            Result approved = cli(data, "approve", "#" + id, "--as", "U0BOB", "--comment", "checked the diff", "--data", "data");
            assertThat(approved.exit()).as(approved.err()).isZero();
            assertThat(approvals(up).forBuild(BuildId.of(id))).singleElement().satisfies(a -> {
                assertThat(a.state()).isEqualTo(ApprovalState.APPROVED);
                assertThat(a.decisions()).extracting(d -> d.userId() + ": " + d.note())
                        .containsExactly("U0BOB: checked the diff");
            });

            JsonNode build = await("build " + id + " to end").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> json(UpFixture.get(base, "api/builds/" + id)),
                            b -> b.path("status").asText().matches("SUCCEEDED|FAILED|CANCELLED"));
            assertThat(build.path("status").asText()).as(build.toPrettyString()).isEqualTo("SUCCEEDED");
            Result late = cli(data, "reject", id, "--as", "U0BOB", "--data", "data");
            assertThat(late.exit()).isEqualTo(1);
            assertThat(late.err()).contains("has no open approval");
        }
    }

    @Test
    void withoutARunningSlipwayUpItSaysHowToStartOne() {
        Result result = cli(dir.resolve("data"), "reject", "github-1", "--data", "data");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("up.json").contains("start `slipway up`");
    }

    /** The approval records of the running slipway up, through the DynamoDB endpoint it prints. */
    private static DynamoApprovalStore approvals(UpProcess up) {
        String line = up.output().lines().filter(l -> l.trim().startsWith("dynamodb")).findFirst().orElseThrow();
        return new DynamoApprovalStore(LocalAws.dynamo(URI.create(line.trim().split("\\s+")[1])),
                TableNames.withPrefix(SlipwayUp.TABLE_PREFIX).approvals());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return SlipwayJson.mapper().readTree(response.body());
    }
}
