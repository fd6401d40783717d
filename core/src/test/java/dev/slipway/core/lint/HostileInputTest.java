package dev.slipway.core.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Input built to hurt: huge, deep, alias-multiplied, recursive, or just broken. Each one must end
 * as problems in a report, never as an exception, an exhausted heap or a hang. The timeouts only
 * turn a hang into a failure; they are far above the milliseconds these take.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileInputTest {

    private static List<String> codes(LintReport report) {
        return report.problems().stream().map(Problem::code).toList();
    }

    @Test
    void aHugeFileIsRefusedBeforeParsing() {
        String text = "version: 1\nservice: api\nenv:\n" + "  K: v\n".repeat(60_000);

        LintReport report = PipelineLoader.load(".slipway.yml", text);

        assertThat(codes(report)).containsExactly("file-too-large");
        assertThat(report.problems().get(0).line()).isEqualTo(1);
    }

    @Test
    void anAliasBombBelowTheAliasLimitIsStoppedByTheExpansionLimit() {
        // 24 levels of two aliases each: 48 aliases, but 2^24 values once expanded.
        StringBuilder text = new StringBuilder("version: 1\nservice: api\nx-a0: &a0 [lol]\n");
        for (int i = 1; i <= 24; i++) {
            text.append("x-a").append(i).append(": &a").append(i)
                    .append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        }

        LintReport report = PipelineLoader.load(".slipway.yml", text.toString());

        assertThat(codes(report)).containsExactly("yaml-limit");
        assertThat(report.problems().get(0).message()).contains("expands to more than 100000 values");
    }

    @Test
    void deepNestingIsRefused() {
        String text = "version: 1\nservice: api\nenv: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n";

        LintReport report = PipelineLoader.load(".slipway.yml", text);

        assertThat(codes(report)).containsExactly("yaml-limit");
        assertThat(report.problems().get(0).message()).contains("levels deep");
        // The top-level mapping is level 1, so the 40th '[' (column 6 + 39) opens level 41.
        assertThat(report.problems().get(0).line()).isEqualTo(3);
        assertThat(report.problems().get(0).column()).isEqualTo(6 + 39);
    }

    @Test
    void aListThatContainsItselfIsReportedNotWalkedForever() {
        LintReport report = PipelineLoader.load(".slipway.yml", "version: 1\nservice: api\nsecrets: &s [A, *s]\n");

        assertThat(codes(report)).containsExactly("recursive-alias");
    }

    @Test
    void aJavaTypeTagIsRefusedWithoutConstructingAnything() {
        LintReport report = PipelineLoader.load(".slipway.yml",
                "version: 1\nservice: !!java.lang.ProcessBuilder [[touch, /tmp/pwned]]\n");

        assertThat(codes(report)).containsExactly("unsupported-tag");
        assertThat(report.pipeline()).isEmpty();
    }

    @Test
    void randomDamageToAValidFileNeverThrows() throws IOException {
        String valid = Files.readString(PipelineFixturesTest.ROOT.resolve("valid-services-and-health/.slipway.yml"),
                StandardCharsets.UTF_8);
        Random random = new Random(20261122);
        String alphabet = " \n\t:-[]{}&*!|>#'\"?,%@`\\abcXYZ019";
        for (int round = 0; round < 400; round++) {
            StringBuilder damaged = new StringBuilder(valid);
            for (int edit = 0; edit < 1 + random.nextInt(5); edit++) {
                int at = random.nextInt(damaged.length());
                if (random.nextBoolean()) {
                    damaged.deleteCharAt(at);
                } else {
                    damaged.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }

            LintReport report = PipelineLoader.load(".slipway.yml", damaged.toString());

            assertThat(report.pipeline().isPresent()).as("pipeline iff no error in:\n%s", damaged)
                    .isEqualTo(report.errors().isEmpty());
            assertThat(report.problems()).allSatisfy(p -> {
                assertThat(p.line()).isBetween(1, (int) damaged.chars().filter(c -> c == '\n').count() + 1);
                assertThat(p.code()).matches("[a-z]+(-[a-z]+)*");
                assertThat(p.hint()).isNotBlank();
            });
        }
    }
}
