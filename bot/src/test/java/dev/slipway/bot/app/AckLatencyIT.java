package dev.slipway.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link AckTimer} in a new JVM and records the figures in {@code target/ack-latency.txt}.
 * The figures are reported, not asserted: they depend on the machine. What is asserted is that
 * every timed request was acknowledged and started exactly one action.
 */
class AckLatencyIT {

    @Test
    void measuresTheAcknowledgementTimeColdAndWarm() throws IOException, InterruptedException {
        int warm = 200;
        Path out = Path.of("target", "ack-latency.txt");
        Files.createDirectories(out.getParent());
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                AckTimer.class.getName(), Integer.toString(warm))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the timer finished").isTrue();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(String.join("\n", lines)).isZero();
        assertThat(lines).contains("actions_started=" + (2 * warm + 1), "pipeline_answers=" + (Math.min(warm, 100) + 1));
        lines.stream().filter(l -> l.contains("_ms=")).forEach(l -> System.out.println("[ack latency] " + l));
    }
}
