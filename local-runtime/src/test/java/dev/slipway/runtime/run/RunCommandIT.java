package dev.slipway.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.slipway.builder.docker.DockerClients;
import dev.slipway.core.task.TaskSpec;
import dev.slipway.runtime.cli.Console;
import dev.slipway.runtime.cli.SlipwayCli;
import dev.slipway.runtime.docker.Reaper;
import dev.slipway.runtime.pipeline.DockerDeployTarget;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code slipway run} in-process on real Docker: the pipeline state machine, stage containers, approvals. */
class RunCommandIT {

    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    private static final Pattern BUILD_ID = Pattern.compile("Build (cli-run-\\d+) queued");
    private final DockerClient docker = DockerClients.fromEnvironment();

    /** Runs {@code slipway run ARGS} with the real CLI table; returns the exit code and everything printed. */
    record Result(int exit, String output) {
        String buildId() {
            Matcher m = BUILD_ID.matcher(output);
            assertThat(m.find()).as(output).isTrue();
            return m.group(1);
        }
    }

    static Result run(TerminalApprover approver, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        SlipwayCli cli = new SlipwayCli(List.of(new RunCommand(Map.of(), approver)));
        int exit = cli.run(List.of(args), new Console(out, out, Path.of("").toAbsolutePath()));
        String output = bytes.toString(StandardCharsets.UTF_8);
        System.out.println(output); // the IT log shows what a person would have seen
        return new Result(exit, output);
    }

    @AfterEach
    void removeDeployedCounter() {
        for (Container c : docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(DockerDeployTarget.DEPLOY_LABEL)).exec()) {
            if (c.getLabels().get(DockerDeployTarget.DEPLOY_LABEL).contains("counter")) {
                docker.removeContainerCmd(c.getId()).withForce(true).exec();
            }
        }
    }

    /** Stage containers of the build; the services it deployed (their image carries the build label too) stay. */
    private List<String> leftovers(String buildId) {
        return new Reaper(docker).leftovers(Map.of(TaskSpec.BUILD_LABEL, buildId)).containers();
    }

    @Test
    void theCounterExampleRunsThroughEveryStageAndApprovesProduction() {
        Result result = run(question -> Optional.empty(), "run", EXAMPLES.resolve("counter").toString(), "--approve");

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output())
                .contains("Building a snapshot of")
                .contains("▶ integration started").contains("[counter.integration] ").containsPattern("✔ integration SUCCEEDED in \\d+\\.\\d s")
                .contains("✔ approved")
                .containsPattern("Build cli-run-\\d+: SUCCEEDED in")
                .containsPattern("deploy:production approval +APPROVED")
                .as("the run answers approvals itself: no console copy of the Slack messages, no slipway approve hint")
                .doesNotContain("slipway approve").doesNotContain("#deploys")
                .as("DynamoDB Local's start-up banner").doesNotContain("Initializing DynamoDB Local");
        assertThat(leftovers(result.buildId())).as("containers of the build left on Docker").isEmpty();
        assertThat(docker.listContainersCmd().withNameFilter(List.of("slipway-counter-production")).exec())
                .as("the service deployed to production keeps running after the run").hasSize(1);
    }

    @Test
    void withoutATerminalOrApproveTheApprovalIsRejectedWithAHint() {
        Result result = run(question -> Optional.empty(), "run", EXAMPLES.resolve("counter").toString(), "--quiet");

        assertThat(result.exit()).as(result.output()).isEqualTo(1);
        assertThat(result.output())
                .contains("✔ deploy:staging SUCCEEDED")
                .contains("needs an approval and there is no terminal to ask: rejected. Pass --approve to approve automatically.")
                .doesNotContain("✔ deploy:production SUCCEEDED")
                .doesNotContain("[counter.integration] ");
        assertThat(leftovers(result.buildId())).isEmpty();
    }

    @Test
    void aFailingStageEndsTheRunWithExitCodeOneAndShowsItsLines() {
        Result result = run(question -> Optional.empty(), "run", "src/test/resources/run/failing", "--quiet",
                "--data", "target/run-failing-data");

        assertThat(result.exit()).as(result.output()).isEqualTo(1);
        assertThat(result.output())
                .contains("▶ integration started")
                .containsPattern("(?s)--- last lines of integration ---\n.*the integration stage starts\n.*expected 3 widgets, found 2")
                .doesNotContain("[failing.integration] ")
                .containsPattern("✘ integration FAILED")
                .containsPattern("Build cli-run-\\d+: FAILED in");
        assertThat(leftovers(result.buildId())).isEmpty();
    }
}
