package dev.slipway.functions.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildNotFoundException;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.lint.LintReport;
import dev.slipway.core.lint.PipelineInvalidException;
import dev.slipway.core.lint.PipelineLoader;
import dev.slipway.core.task.BuildContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The state machine's first step: reads the build record and the pipeline file dispatch stored
 * for the build, compiles one task per stage that runs, registers their task definitions and
 * returns the plan ({@link Planner}). Input: {@code {buildId, pipelineFile}}.
 */
public final class PrepareFunction extends JsonFunction {

    /** Where dispatch stores the pipeline file of a build in the artifact store, unless the input names another. */
    public static final String PIPELINE_ARTIFACT = "pipeline/slipway.yml";

    private final PipelineServices services;

    public PrepareFunction() {
        this(PipelineWiring.fromEnvironment().services());
    }

    public PrepareFunction(PipelineServices services) {
        this.services = services;
    }

    @Override
    public JsonNode handle(JsonNode payload) {
        BuildId id = Payloads.buildId(payload);
        String file = Payloads.optionalText(payload, "pipelineFile");
        BuildRecord build = services.builds().find(id).orElseThrow(() -> new BuildNotFoundException(id));
        LintReport report = PipelineLoader.load(".slipway.yml", read(id, file.isEmpty() ? PIPELINE_ARTIFACT : file));
        if (report.hasErrors()) {
            throw new PipelineInvalidException(report);
        }
        return new Planner(services.compiler(), services.taskDefinitions()).plan(report.pipelineOrThrow(), context(build));
    }

    private String read(BuildId id, String name) {
        try (InputStream in = services.artifacts().open(id.value(), name)
                .orElseThrow(() -> new PipelineFileMissingException(id, name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pipeline file " + name + " of build " + id, e);
        }
    }

    private static BuildContext context(BuildRecord build) {
        BuildRequest request = build.request();
        if (request.commit() == null) {
            throw new PayloadInvalidException("build " + build.id() + " has no commit: dispatch resolves the branch head"
                    + " before it starts the pipeline");
        }
        return new BuildContext(build.id().value(), request.repo().cloneUrl(), request.commit(), request.ref(),
                request.event().name().toLowerCase(java.util.Locale.ROOT), request.untrusted(), request.repo().isPrivate());
    }
}
