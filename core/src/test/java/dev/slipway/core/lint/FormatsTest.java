package dev.slipway.core.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

class FormatsTest {

    private static ScalarNode scalar(String value, Tag tag) {
        return new ScalarNode(tag, value, null, null, org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"90s, PT1M30S", "10m, PT10M", "1h30m, PT1H30M", "2h, PT2H", "1d, PT24H", "1d2h3m4s, PT26H3M4S", "0s, PT0S"})
    void durationsInDaysHoursMinutesSeconds(String text, String expected) {
        Problems problems = new Problems("f");
        assertThat(Formats.duration(scalar(text, Tag.STR), "t", problems, true)).contains(Duration.parse(expected));
        assertThat(problems.all()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"10 minutes", "1m1h", "1w", "m", "-5s", "1.5h"})
    void malformedDurationsAreProblems(String text) {
        Problems problems = new Problems("f");
        assertThat(Formats.duration(scalar(text, Tag.STR), "t", problems, true)).isEmpty();
        assertThat(problems.all()).extracting(Problem::code).containsExactly("invalid-duration");
    }

    @ParameterizedTest(name = "{0} is {1} MiB")
    @CsvSource({"512Mi, 512", "2Gi, 2048", "300, 300"})
    void sizesInMebibytes(String text, long mib) {
        Problems problems = new Problems("f");
        Tag tag = text.matches("\\d+") ? Tag.INT : Tag.STR;
        assertThat(Formats.sizeMib(scalar(text, tag), "m", problems)).contains(mib);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "build/libs/ | ",
            "./dist | ",
            "a/../b | ",
            "a/b/../../c | ",
            "/etc | is an absolute path",
            "C:\\\\x | is an absolute path",
            "../x | climbs out of the workspace with `..`",
            "a/../../x | climbs out of the workspace with `..`",
            "~/x | points into a home directory",
    })
    void outputsMustStayInTheWorkspace(String path, String why) {
        assertThat(Formats.escapesWorkspace(path)).isEqualTo(Optional.ofNullable(why));
    }

    @Test
    void dnsLabelsAndSuggestions() {
        assertThat(Formats.isDnsLabel("api-2")).isTrue();
        assertThat(Formats.isDnsLabel("-api")).isFalse();
        assertThat(Formats.isDnsLabel("a".repeat(64))).isFalse();
        assertThat(Formats.toDnsLabel("My_API Service")).isEqualTo("my-api-service");
        assertThat(Suggestions.nearest("comands", java.util.List.of("commands", "image"))).contains("commands");
        assertThat(Suggestions.nearest("preBuild", java.util.List.of("pre_build", "build"))).contains("pre_build");
        assertThat(Suggestions.nearest("zzz", java.util.List.of("commands", "image"))).isEmpty();
    }
}
