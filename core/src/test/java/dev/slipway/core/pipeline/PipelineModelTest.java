package dev.slipway.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.lint.PipelineLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What consumers ask of a loaded pipeline: which triggers fire, which flow applies, which tags. */
class PipelineModelTest {

    private static Pipeline load(String fixture) throws IOException {
        try (InputStream in = PipelineModelTest.class.getResourceAsStream("/pipelines/" + fixture + "/.slipway.yml")) {
            return PipelineLoader.load(".slipway.yml", new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .pipelineOrThrow();
        }
    }

    @Test
    void triggersFireOnMatchingRefsOnly() throws IOException {
        Triggers triggers = load("valid-triggers").triggers();

        assertThat(triggers.firesOnPush("main")).isTrue();
        assertThat(triggers.firesOnPush("release/1.2")).isTrue();
        assertThat(triggers.firesOnPush("feature/x")).isFalse();
        assertThat(triggers.firesOnTag("v2.0.0")).isTrue();
        assertThat(triggers.firesOnTag("nightly")).isFalse();
        assertThat(triggers.firesOnPullRequest("anything")).isTrue();
        assertThat(triggers.manual()).isFalse();
    }

    @Test
    void withoutOnAPipelineBuildsEveryPushAndAcceptsManualAndChat() throws IOException {
        Triggers triggers = load("valid-minimal").triggers();

        assertThat(triggers).isEqualTo(Triggers.DEFAULT);
        assertThat(triggers.firesOnPush("any/branch")).isTrue();
        assertThat(triggers.firesOnTag("v1")).isFalse();
        assertThat(triggers.firesOnPullRequest("main")).isFalse();
    }

    @Test
    void theFirstMatchingFlowWins() throws IOException {
        Pipeline pipeline = load("valid-flows");

        Flow feature = pipeline.flowFor(new GitRef.Branch("feature/a/b")).orElseThrow();
        assertThat(feature.runs(StageKind.INTEGRATION)).isTrue();
        assertThat(feature.runs(StageKind.DEPLOY)).isFalse();
        assertThat(pipeline.flowFor(GitRef.parse("refs/heads/main")).orElseThrow().deploysTo("production")).isFalse();
        assertThat(pipeline.flowFor(GitRef.parse("refs/tags/v1.0")).orElseThrow().deploysTo("production")).isTrue();
        assertThat(pipeline.flowFor(new GitRef.Branch("develop"))).isEmpty();
    }

    @Test
    void stagesComeInTheOrderTheyRun() throws IOException {
        Stages stages = load("valid-flows").services().get(0).stages();

        assertThat(stages.inOrder()).extracting(Stage::kind)
                .containsExactly(StageKind.INTEGRATION, StageKind.BUILD, StageKind.DEPLOY);
        assertThat(stages.get(StageKind.PRE_BUILD)).isEmpty();
    }

    @Test
    void aReleaseListsItsServicesInDeployOrder() throws IOException {
        ReleasePipeline release = (ReleasePipeline) load("valid-release-deploy-order");

        assertThat(release.services()).extracting(Service::name).containsExactly("assets", "db", "api", "web");
        assertThat(release.service("api").orElseThrow().dependsOn()).containsExactly("db");
    }

    @Test
    void tagTemplatesExpandToValidDockerTags() {
        Map<String, String> values = Map.of("BRANCH", "feature/Login", "SHORT_SHA", "abc1234");

        assertThat(TagTemplate.expand("${BRANCH}-${SHORT_SHA}", values)).isEqualTo("feature-Login-abc1234");
        assertThat(TagTemplate.expand("${TAG}", values)).isEmpty();
        assertThat(TagTemplate.expand("-${SHORT_SHA}", values)).isEqualTo("_abc1234");
        assertThat(TagTemplate.expand("${BRANCH}", Map.of("BRANCH", "x".repeat(200)))).hasSize(128);
        assertThat(TagTemplate.variables("${A}-${B}")).containsExactly("A", "B");
    }

    @Test
    void envValuesSubstituteWithoutTagSanitizing() {
        assertThat(Variables.substitute("postgres://app:${DB_PASSWORD}@db/${BRANCH}",
                Map.of("DB_PASSWORD", "p$w/d", "BRANCH", "feature/x")))
                .isEqualTo("postgres://app:p$w/d@db/feature/x");
        assertThat(Variables.names("${A}${B} $C")).containsExactly("A", "B");
    }
}
