package dev.slipway.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.builder.docker.DockerClients;
import dev.slipway.core.task.TaskSpec;
import dev.slipway.runtime.cli.SlipwayCli;
import dev.slipway.runtime.docker.Reaper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C in {@code slipway run}: the CLI as a person starts it, in its own JVM, sent SIGINT while a
 * stage's container runs. It says the build was cancelled, leaves nothing it made on Docker, and
 * exits 130 as programs interrupted by SIGINT do.
 */
class RunInterruptIT {

    private static final Pattern BUILD_ID = Pattern.compile("Build (cli-run-\\d+) queued");

    @Test
    void sigintMidStageCancelsTheBuildRemovesItsContainersAndExits130() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SlipwayCli.class.getName(),
                "run", "src/test/resources/run/slow").redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(output::add);
            } catch (Exception e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        Reaper reaper = new Reaper(DockerClients.fromEnvironment());
        try {
            await("the slow stage to print its first line").atMost(Duration.ofMinutes(3))
                    .until(() -> String.join("\n", output).contains("the slow stage is running") || !process.isAlive());
            String buildId = buildId(String.join("\n", output));
            assertThat(reaper.leftovers(Map.of(TaskSpec.BUILD_LABEL, buildId)).isEmpty()).as("the stage runs in Docker")
                    .isFalse();

            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();

            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("exited within 90 s of SIGINT:\n" + String.join("\n", output))
                    .isTrue();
            reader.join(5_000);
            String printed = String.join("\n", output);
            assertThat(process.exitValue()).as(printed).isEqualTo(130);
            assertThat(printed).contains("Cancelling build " + buildId)
                    .containsPattern("Build " + buildId + ": CANCELLED in .*cancelled with Ctrl-C");
            assertThat(reaper.leftovers(Map.of(TaskSpec.BUILD_LABEL, buildId)).isEmpty())
                    .as("containers, networks and volumes labelled with " + buildId).isTrue();
        } finally {
            process.destroyForcibly();
        }
    }

    private static String buildId(String output) {
        Matcher m = BUILD_ID.matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return m.group(1);
    }
}
