package dev.slipway.core.lint;

import dev.slipway.core.pipeline.Pipeline;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The one entry point for reading a {@code .slipway.yml}: parses it safely, reports every problem
 * at once, and returns the {@link Pipeline} when none of them is an error. The dispatch function
 * and {@code slipway lint} both call it, so they always agree.
 *
 * <p>Never throws for any input text: broken YAML, hostile YAML (alias bombs, huge or deep
 * documents, custom tags) and wrong content all come back as problems. Thread-safe and stateless.
 */
public final class PipelineLoader {

    private PipelineLoader() {
    }

    /**
     * @param fileName how problems name the file, e.g. {@code .slipway.yml} or a path
     * @param text     the file's content
     */
    public static LintReport load(String fileName, String text) {
        Problems problems = new Problems(fileName);
        Optional<Pipeline> pipeline = YamlSource.compose(text, problems)
                .filter(root -> TreeCheck.check(root, problems))
                .flatMap(root -> readPipeline(root, problems));
        return new LintReport(fileName, problems.all(), problems.hasErrors() ? Optional.empty() : pipeline);
    }

    private static Optional<Pipeline> readPipeline(Node root, Problems problems) {
        Optional<Pipeline> pipeline = PipelineReader.read(root, problems);
        if (pipeline.isEmpty() && !problems.hasErrors()) {
            // Every reader reports why it returns nothing; reaching this is a bug in the linter.
            throw new IllegalStateException("the pipeline could not be read but no error was reported");
        }
        return pipeline;
    }
}
