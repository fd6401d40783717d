package dev.slipway.functions.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.build.ReleaseOrder;
import dev.slipway.core.dispatch.BuildDecision;
import dev.slipway.core.dispatch.BuildPlan;
import dev.slipway.core.dispatch.BuildPlanner;
import dev.slipway.core.dispatch.PlannedService;
import dev.slipway.core.scm.EventKind;
import dev.slipway.core.scm.Provider;
import dev.slipway.core.lint.LintReport;
import dev.slipway.core.lint.PipelineLoader;
import dev.slipway.core.task.BuildContext;
import dev.slipway.core.task.StageTaskCompiler;
import dev.slipway.core.task.TaskLaunch;
import dev.slipway.testkit.build.TestBuilds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan prepare hands the state machine, from a release file and dispatch's selection. */
class PlannerTest {

    private static LintReport release() throws IOException {
        try (InputStream in = PlannerTest.class.getResourceAsStream("/pipelines/release/.slipway.yml")) {
            return PipelineLoader.load(".slipway.yml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static JsonNode plan(BuildRequest request) throws IOException {
        LintReport report = release();
        BuildPlan selection = ((BuildDecision.Run) BuildPlanner.decide(request, report)).plan();
        List<String> registered = new ArrayList<>();
        Planner planner = new Planner(new StageTaskCompiler("slipway/builder:dev"), spec -> {
            registered.add(spec.stage());
            return new TaskLaunch("td-" + spec.stage(), Map.of("ContainerOverrides", List.of()));
        });
        BuildContext build = new BuildContext(request.id().value(), request.repo().cloneUrl(), request.commit(), request.ref(),
                "push", request.untrusted(), false);
        JsonNode plan = planner.plan(report.pipelineOrThrow(), selection, build);
        assertThat(registered).as("one task definition per task stage").hasSize(4);
        return plan;
    }

    @Test
    void everyServiceGetsItsTaskStagesAndEnvironmentsListServicesInDependencyOrder() throws IOException {
        JsonNode plan = plan(TestBuilds.push("acme/shop", "main", "d1", Instant.now()));

        assertThat(plan.path("channel").asText()).isEmpty();
        List<String> services = new ArrayList<>();
        plan.path("services").forEach(s -> services.add(s.path("service").asText() + ":" + fieldNames(s.path("stages"))));
        assertThat(services).containsExactlyInAnyOrder("db:[build]", "api:[integration, build]", "web:[build]");
        JsonNode apiBuild = find(plan.path("services"), "api").path("stages").path("build");
        assertThat(apiBuild.path("taskDefinition").asText()).isEqualTo("td-api.build");
        assertThat(apiBuild.path("image").asText()).isEqualTo("localhost:5000/acme/api");
        assertThat(apiBuild.path("retry").path("left").asInt()).isZero();
        assertThat(apiBuild.has("approval")).isTrue();
        assertThat(apiBuild.path("approval").isNull()).isTrue();

        JsonNode production = plan.path("environments").get(0);
        assertThat(production.path("environment").asText()).isEqualTo("production");
        assertThat(production.path("approval").isNull()).isTrue();
        List<String> order = new ArrayList<>();
        production.path("services").forEach(s -> order.add(s.path("service").asText()));
        assertThat(order).containsExactly("db", "api", "web");
        assertThat(production.path("services").get(0).path("target").path("kind").asText()).isEqualTo("local");
        assertThat(production.path("services").get(0).path("rollback").asText()).isEqualTo("AUTO");
    }

    @Test
    void aForkPullRequestIsPlannedWithoutEnvironments() throws IOException {
        JsonNode plan = plan(TestBuilds.forkPullRequest("acme/shop", "d2", Instant.now()));
        assertThat(plan.path("environments")).isEmpty();
    }

    @Test
    void aReleaseOrderDeploysItsEarlierImageWithoutBuildingAnything() throws IOException {
        BuildRequest push = TestBuilds.push("acme/shop", "main", "d3", Instant.now());
        ReleaseOrder order = new ReleaseOrder(ReleaseOrder.Kind.ROLLBACK, "api", "production",
                "localhost:5000/acme/api@sha256:" + "1".repeat(64), push.id(), null);
        BuildRequest chat = new BuildRequest(BuildId.of("slack-t1"), Provider.SLACK, "t1", EventKind.CHAT, push.repo(),
                push.ref(), push.commit(), push.branch(), null, null, "U0ALICE", false, "/rollback", Instant.now(), order);
        BuildPlan selection = new BuildPlan(chat, List.of(new PlannedService("api", List.of(), List.of(), List.of("production"))),
                List.of(), true, List.of());
        Planner planner = new Planner(new StageTaskCompiler("slipway/builder:dev"), spec -> {
            throw new AssertionError("a release order registers no task: " + spec.stage());
        });

        JsonNode plan = planner.plan(release().pipelineOrThrow(), selection, new BuildContext("slack-t1",
                chat.repo().cloneUrl(), chat.commit(), chat.ref(), "chat", false, false));

        assertThat(find(plan.path("services"), "api").path("stages").size()).isZero();
        assertThat(plan.path("environments")).singleElement().satisfies(env -> {
            assertThat(env.path("environment").asText()).isEqualTo("production");
            assertThat(env.path("services").findValuesAsText("service")).containsExactly("api");
        });
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode find(JsonNode services, String name) {
        for (JsonNode s : services) {
            if (s.path("service").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no service " + name);
    }
}
