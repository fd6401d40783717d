package dev.slipway.core.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every folder under {@code pipelines/} is a case: {@code .slipway.yml} and {@code expected.json}
 * with the exact problems (line, column, path, code, severity; a {@code message} there must be
 * contained in the actual one) and, for valid files, a {@code model} the parsed pipeline contains.
 */
class PipelineFixturesTest {

    static final Path ROOT = fixtureRoot();

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void linterFindsExactlyTheExpectedProblems(String name) throws IOException {
        Path dir = ROOT.resolve(name);
        String text = Files.readString(dir.resolve(".slipway.yml"), StandardCharsets.UTF_8);
        JsonNode expected = ModelJson.MAPPER.readTree(dir.resolve("expected.json").toFile());

        LintReport report = PipelineLoader.load(".slipway.yml", text);

        assertThat(describe(report.problems())).as("problems of %s", name)
                .containsExactlyElementsOf(describe(expected.path("problems")));
        checkMessages(expected.path("problems"), report.problems());
        if (expected.has("model")) {
            assertThat(report.pipeline()).as("a valid file gives a pipeline").isPresent();
            assertThat(ModelJson.difference(expected.get("model"), ModelJson.of(report.pipeline().get()), "model"))
                    .as("model of %s", name).isNull();
        } else {
            assertThat(report.hasErrors()).as("a fixture without a model must have errors").isTrue();
        }
    }

    @Test
    void thereAreAtLeastFortyCasesAndEachHasBothFiles() throws IOException {
        List<String> cases = cases().toList();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        for (String name : cases) {
            assertThat(ROOT.resolve(name).resolve(".slipway.yml")).exists();
            assertThat(ROOT.resolve(name).resolve("expected.json")).exists();
        }
    }

    private static List<String> describe(List<Problem> problems) {
        return problems.stream().map(p -> p.line() + ":" + p.column() + " " + p.path() + " "
                + p.severity().label() + "[" + p.code() + "]").toList();
    }

    private static List<String> describe(JsonNode problems) {
        List<String> lines = new ArrayList<>();
        problems.forEach(p -> lines.add(p.path("line").asInt() + ":" + p.path("column").asInt() + " "
                + p.path("path").asText() + " " + p.path("severity").asText() + "[" + p.path("code").asText() + "]"));
        return lines;
    }

    private static void checkMessages(JsonNode expected, List<Problem> actual) {
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i).has("message")) {
                assertThat(actual.get(i).message()).contains(expected.get(i).get("message").asText());
            }
            if (expected.get(i).has("hint")) {
                assertThat(actual.get(i).hint()).contains(expected.get(i).get("hint").asText());
            }
        }
    }

    private static Path fixtureRoot() {
        try {
            return Path.of(PipelineFixturesTest.class.getResource("/pipelines").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
