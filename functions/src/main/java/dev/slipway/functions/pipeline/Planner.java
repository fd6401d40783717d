package dev.slipway.functions.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.core.pipeline.Approval;
import dev.slipway.core.pipeline.Environment;
import dev.slipway.core.pipeline.Flow;
import dev.slipway.core.pipeline.GitRef;
import dev.slipway.core.pipeline.Pipeline;
import dev.slipway.core.pipeline.ReleasePipeline;
import dev.slipway.core.pipeline.Service;
import dev.slipway.core.pipeline.Stage;
import dev.slipway.core.pipeline.StageKind;
import dev.slipway.core.task.BuildContext;
import dev.slipway.core.task.StageTaskCompiler;
import dev.slipway.core.task.TaskDefinitions;
import dev.slipway.core.task.TaskLaunch;
import dev.slipway.core.task.TaskSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a pipeline file and a build into the plan the state machine walks (the output of the
 * prepare function). Its shape is the contract with {@code pipeline.asl.json}:
 * <pre>
 * {channel, services: [{service, recordAs, stages: {integration: {taskDefinition, overrides,
 *   timeoutSeconds, retry: {left}, approval}, ...}}],
 *  environments: [{environment, approval, services: [{service, recordAs, target, healthCheck, rollback}]}]}
 * </pre>
 * A stage that does not run is absent (a Choice state skips it); {@code approval} and
 * {@code healthCheck} are always present, null when there is none, so that JSONPath never misses.
 */
final class Planner {

    private final StageTaskCompiler compiler;
    private final TaskDefinitions definitions;

    Planner(StageTaskCompiler compiler, TaskDefinitions definitions) {
        this.compiler = compiler;
        this.definitions = definitions;
    }

    ObjectNode plan(Pipeline pipeline, BuildContext build) {
        Optional<Flow> flow = pipeline.flowFor(GitRef.parse(build.ref()));
        boolean release = pipeline instanceof ReleasePipeline;
        ObjectNode plan = JsonFunction.JSON.createObjectNode();
        plan.put("channel", pipeline.notification().map(n -> n.slackChannel()).orElse(""));
        ArrayNode services = plan.putArray("services");
        for (Service service : pipeline.services()) {
            ObjectNode item = services.addObject();
            item.put("service", service.name());
            item.put("recordAs", release ? service.name() : "");
            ObjectNode stages = item.putObject("stages");
            for (StageKind kind : List.of(StageKind.INTEGRATION, StageKind.PRE_BUILD, StageKind.BUILD, StageKind.POST_BUILD)) {
                Optional<Stage> stage = service.stages().get(kind);
                if (stage.isPresent() && flow.map(f -> f.runs(kind)).orElse(true)) {
                    stages.set(kind.key(), stageNode(pipeline, service, stage.get(), build));
                }
            }
        }
        plan.set("environments", build.fork() ? JsonFunction.JSON.createArrayNode()
                : environments(pipeline, flow, release));
        return plan;
    }

    private ObjectNode stageNode(Pipeline pipeline, Service service, Stage stage, BuildContext build) {
        TaskSpec spec = compiler.compile(pipeline, service, stage, build);
        TaskLaunch launch = definitions.register(spec);
        ObjectNode node = JsonFunction.JSON.createObjectNode();
        node.put("taskDefinition", launch.taskDefinition());
        node.set("overrides", JsonFunction.JSON.valueToTree(launch.overrides()));
        node.put("timeoutSeconds", spec.timeout().toSeconds());
        int retries = stage instanceof dev.slipway.core.pipeline.CommandStage c ? c.retry() : 0;
        node.putObject("retry").put("left", retries);
        node.set("approval", approval(approvalOf(stage)));
        return node;
    }

    private static Optional<Approval> approvalOf(Stage stage) {
        if (stage instanceof dev.slipway.core.pipeline.CommandStage c) {
            return c.approval();
        }
        if (stage instanceof dev.slipway.core.pipeline.BuildStage b) {
            return b.approval();
        }
        return Optional.empty();
    }

    /**
     * Environments in the order they first appear in the file; in each, the services that deploy
     * there in {@code depends_on} order. Only services whose image this build produces can deploy.
     */
    private ArrayNode environments(Pipeline pipeline, Optional<Flow> flow, boolean release) {
        List<Service> ordered = DependencyOrder.of(pipeline.services());
        Set<String> names = new LinkedHashSet<>();
        for (Service service : pipeline.services()) {
            service.stages().deploy().ifPresent(d -> d.environments().forEach(e -> names.add(e.name())));
        }
        ArrayNode environments = JsonFunction.JSON.createArrayNode();
        for (String name : names) {
            if (!flow.map(f -> f.deploysTo(name)).orElse(true) || !flow.map(f -> f.runs(StageKind.DEPLOY)).orElse(true)) {
                continue;
            }
            ObjectNode env = JsonFunction.JSON.createObjectNode();
            env.put("environment", name);
            ArrayNode services = env.putArray("services");
            Optional<Approval> approval = Optional.empty();
            for (Service service : ordered) {
                Optional<Environment> e = service.stages().deploy().flatMap(d -> d.environment(name));
                boolean built = service.stages().build().isPresent() && flow.map(f -> f.runs(StageKind.BUILD)).orElse(true);
                if (e.isEmpty() || !built) {
                    continue;
                }
                services.add(deployNode(service, e.get(), release));
                approval = approval.or(() -> e.get().approval());
            }
            env.set("approval", approval(approval));
            if (!services.isEmpty()) {
                environments.add(env);
            }
        }
        return environments;
    }

    private static ObjectNode deployNode(Service service, Environment env, boolean release) {
        ObjectNode node = JsonFunction.JSON.createObjectNode();
        node.put("service", service.name());
        node.put("recordAs", release ? service.name() : "");
        node.set("target", Targets.toJson(env.target()));
        node.set("healthCheck", env.healthCheck().map(Targets::toJson).orElse(null));
        node.put("rollback", env.rollback().name());
        return node;
    }

    private static JsonNode approval(Optional<Approval> approval) {
        if (approval.isEmpty()) {
            return JsonFunction.JSON.nullNode();
        }
        Approval a = approval.get();
        ObjectNode node = JsonFunction.JSON.createObjectNode();
        a.approvers().forEach(node.putArray("approvers")::add);
        node.put("required", a.required());
        node.put("expiresSeconds", Math.max(1, a.expires().toSeconds()));
        node.put("allowSelfApproval", a.allowSelfApproval());
        return node;
    }
}
