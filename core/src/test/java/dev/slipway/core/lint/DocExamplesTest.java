package dev.slipway.core.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/pipeline.md is the reference: every YAML example in it must be a file the linter accepts cleanly. */
class DocExamplesTest {

    private static final Path REFERENCE = Path.of("..", "docs", "pipeline.md");
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyYamlExampleOfTheReferenceHasNoProblem() throws IOException {
        String markdown = Files.readString(REFERENCE, StandardCharsets.UTF_8);
        List<String> examples = new ArrayList<>();
        Matcher m = YAML_BLOCK.matcher(markdown);
        while (m.find()) {
            examples.add(m.group(1));
        }

        assertThat(examples).hasSizeGreaterThanOrEqualTo(2);
        for (String example : examples) {
            LintReport report = PipelineLoader.load("docs/pipeline.md", example);
            assertThat(report.problems()).as("problems in the example:\n%s", example).isEmpty();
        }
    }
}
