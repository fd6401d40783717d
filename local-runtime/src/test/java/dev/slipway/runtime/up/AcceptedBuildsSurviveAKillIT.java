package dev.slipway.runtime.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.builder.docker.DockerClients;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.core.task.TaskSpec;
import dev.slipway.runtime.asl.api.LocalSfn;
import dev.slipway.runtime.docker.Reaper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;

/**
 * Ten pushes answered 202 and then {@code slipway up} killed with SIGKILL before it could start them
 * all: after the restart every accepted build is there and ends, SUCCEEDED or CANCELLED as superseded
 * by a newer push, with at most one execution each and nothing left on Docker.
 */
class AcceptedBuildsSurviveAKillIT {

    private static final int PUSHES = 10;

    @TempDir
    Path dir;

    @Test
    void everyAcceptedBuildEndsAfterAKillWithOneExecutionAtMost() throws Exception {
        Path repo = dir.resolve("api");
        String commit = UpFixture.repository(repo);
        Path config = UpFixture.config(dir, repo);
        Path data = dir.resolve("data");
        List<String> accepted = new ArrayList<>();
        try (UpProcess first = UpProcess.start(data, config, UpFixture.env())) {
            for (int i = 1; i <= PUSHES; i++) {
                HttpResponse<String> answer = UpFixture.push(first.base(), "accepted-" + i, commit, UpFixture.SECRET);
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
                accepted.add(parse(answer.body()).path("buildId").asText());
            }
            first.kill();
        }

        try (UpProcess second = UpProcess.start(data, config, UpFixture.env())) {
            URI base = second.base();
            for (String id : accepted) {
                JsonNode build = await("build " + id + " to end").atMost(Duration.ofMinutes(4))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> status(base, id), b -> b.path("status").asText().matches("SUCCEEDED|FAILED|CANCELLED|ROLLED_BACK"));
                assertThat(build.path("status").asText()).as(build.toPrettyString()).isIn("SUCCEEDED", "CANCELLED");
                if (build.path("status").asText().equals("CANCELLED")) {
                    assertThat(build.path("reason").asText()).as(build.toPrettyString()).startsWith("superseded by build");
                }
            }
            Map<String, Long> executions = executionsByName(URI.create(second.url("step functions")));
            assertThat(executions).as("one execution at most per build").allSatisfy((name, count) -> assertThat(count).isOne());
            assertThat(accepted).as("the newest push is never superseded").last()
                    .satisfies(id -> assertThat(executions).containsKey(id));
            Reaper reaper = new Reaper(DockerClients.fromEnvironment());
            assertThat(accepted).allSatisfy(id -> assertThat(reaper.leftovers(Map.of(TaskSpec.BUILD_LABEL, id)).isEmpty())
                    .as("left on Docker by " + id).isTrue());
            System.out.println("replayed after the kill: " + second.output().lines()
                    .filter(l -> l.startsWith("queued again")).findFirst().orElse("none"));
        }
    }

    private static JsonNode status(URI base, String id) throws Exception {
        HttpResponse<String> answer = UpFixture.get(base, "api/builds/" + id);
        return answer.statusCode() == 200 ? parse(answer.body()) : SlipwayJson.mapper().createObjectNode();
    }

    private static Map<String, Long> executionsByName(URI engine) {
        try (SfnClient sfn = LocalSfn.client(engine)) {
            List<ExecutionListItem> all = new ArrayList<>();
            for (StateMachineListItem machine : sfn.listStateMachines().stateMachines()) {
                sfn.listExecutionsPaginator(r -> r.stateMachineArn(machine.stateMachineArn())).executions().forEach(all::add);
            }
            return all.stream().collect(Collectors.groupingBy(ExecutionListItem::name, Collectors.counting()));
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
