package dev.slipway.builder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return new Main(env, new PrintStream(out, true, StandardCharsets.UTF_8)).run(List.of(args));
    }

    @Test
    void anUnknownCommandPrintsUsageAndExitsTwo() {
        assertThat(run(Map.of(), "deploy")).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("unknown command deploy").contains("usage: slipway-builder");
    }

    @Test
    void aMissingOptionIsNamed() {
        assertThat(run(Map.of(), "checkout", "--repo", "file:///x")).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("missing --commit");
    }

    @Test
    void outputsNeedAStore() {
        assertThat(run(Map.of(), "restore-outputs", "--build", "b1")).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("SLIPWAY_ARTIFACTS");
    }

    @Test
    void aFailureExitsOneWithTheReasonLast() {
        assertThat(run(Map.of("SLIPWAY_ARTIFACTS", "/nonexistent-store"), "save-outputs", "--build", "b1", "--stage", "pre_build",
                "--dir", System.getProperty("java.io.tmpdir"), "no-such-output")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).endsWith("check the path under pre_build.outputs in .slipway.yml "
                + "or the commands that should create it");
    }
}
