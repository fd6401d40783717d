package dev.slipway.core.lint;

import dev.slipway.core.pipeline.Pipeline;
import java.util.List;
import java.util.Optional;

/**
 * Everything the linter found in one file.
 *
 * @param problems sorted by position ({@link Problem#BY_POSITION})
 * @param pipeline present exactly when no problem is an error
 */
public record LintReport(String file, List<Problem> problems, Optional<Pipeline> pipeline) {

    public LintReport {
        problems = problems.stream().sorted(Problem.BY_POSITION).toList();
        if (pipeline.isPresent() == problems.stream().anyMatch(Problem::isError)) {
            throw new IllegalArgumentException("a pipeline is given exactly when there is no error");
        }
    }

    public boolean hasErrors() {
        return pipeline.isEmpty();
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /** The pipeline of a file without errors. */
    public Pipeline pipelineOrThrow() {
        return pipeline.orElseThrow(() -> new PipelineInvalidException(this));
    }
}
