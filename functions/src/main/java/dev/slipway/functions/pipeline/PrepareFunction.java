package dev.slipway.functions.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildNotFoundException;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.dispatch.BuildPlan;
import dev.slipway.core.dispatch.PipelineFile;
import dev.slipway.core.lint.LintReport;
import dev.slipway.core.lint.PipelineInvalidException;
import dev.slipway.core.lint.PipelineLoader;
import dev.slipway.core.task.BuildContext;
import java.util.Locale;

/**
 * The state machine's first step. Input: what dispatch starts the execution with,
 * {@code {buildId, plan}} (its {@link BuildPlan}: which stages and environments each service runs,
 * after triggers, flows and the fork rule). Reads the pipeline file at the build's commit, compiles
 * one task per stage that runs, registers their task definitions and answers the plan the
 * definition walks ({@link Planner}).
 */
public final class PrepareFunction extends JsonFunction {

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
        BuildPlan plan = plan(payload);
        BuildRecord build = services.builds().find(id).orElseThrow(() -> new BuildNotFoundException(id));
        PipelineFile file = services.pipelines().read(build.request());
        if (file instanceof PipelineFile.Absent absent) {
            throw new PipelineUnavailableException(id, absent.message() + "; " + absent.hint());
        }
        PipelineFile.Found found = (PipelineFile.Found) file;
        LintReport report = PipelineLoader.load(found.path(), found.text());
        if (report.hasErrors()) {
            throw new PipelineInvalidException(report);
        }
        return new Planner(services.compiler(), services.taskDefinitions()).plan(report.pipelineOrThrow(), plan, context(build));
    }

    private static BuildPlan plan(JsonNode payload) {
        try {
            return JSON.treeToValue(payload.path("plan"), BuildPlan.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PayloadInvalidException("field 'plan' must be the BuildPlan dispatch starts the execution with: "
                    + e.getMessage());
        }
    }

    private static BuildContext context(BuildRecord build) {
        BuildRequest request = build.request();
        if (request.commit() == null) {
            throw new PayloadInvalidException("build " + build.id() + " has no commit: dispatch pins the branch head"
                    + " before it starts the pipeline");
        }
        return new BuildContext(build.id().value(), request.repo().cloneUrl(), request.commit(), request.ref(),
                request.event().name().toLowerCase(Locale.ROOT), request.untrusted(), request.repo().isPrivate());
    }
}
