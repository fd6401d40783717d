package dev.slipway.core.lint;

import java.util.stream.Collectors;

/** Thrown when a caller needs the pipeline of a file that has errors; carries the report. */
public final class PipelineInvalidException extends RuntimeException {

    private final transient LintReport report;

    public PipelineInvalidException(LintReport report) {
        super(report.file() + " has " + report.errors().size() + " error(s); run `slipway lint` to see them all:\n"
                + report.errors().stream().map(Problem::headline).collect(Collectors.joining("\n")));
        this.report = report;
    }

    public LintReport report() {
        return report;
    }
}
