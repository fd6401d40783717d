package dev.slipway.functions.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.core.build.ReleaseOrder;
import dev.slipway.core.pipeline.Approval;
import dev.slipway.core.pipeline.Environment;
import dev.slipway.core.pipeline.Pipeline;
import dev.slipway.core.pipeline.Service;
import dev.slipway.core.pipeline.Stage;
import dev.slipway.core.pipeline.StageKind;
import dev.slipway.core.task.BuildContext;
import dev.slipway.core.task.StageTaskCompiler;
import dev.slipway.core.task.TaskDefinitions;
import dev.slipway.core.task.TaskLaunch;
import dev.slipway.core.task.TaskSpec;
import dev.slipway.core.dispatch.BuildPlan;
import dev.slipway.core.dispatch.PlannedService;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a pipeline file, dispatch's selection of stages and environments, and a build into the
 * plan the state machine walks (the output of the
 * prepare function). Its shape is the contract with {@code pipeline.asl.json}:
 * <pre>
 * {channel, services: [{service, stages: {integration: {taskDefinition, overrides, image,
 *   timeoutSeconds, retry: {left}, approval}, ...}}],
 *  environments: [{environment, approval, services: [{service, target, healthCheck, rollback}]}]}
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

    ObjectNode plan(Pipeline pipeline, BuildPlan selection, BuildContext build) {
        ObjectNode plan = JsonFunction.JSON.createObjectNode();
        plan.put("channel", pipeline.notification().map(n -> n.slackChannel()).orElse(""));
        ArrayNode services = plan.putArray("services");
        for (PlannedService planned : selection.services()) {
            Service service = service(pipeline, planned.name());
            ObjectNode item = services.addObject();
            item.put("service", service.name());
            ObjectNode stages = item.putObject("stages");
            for (StageKind kind : planned.stages()) {
                Optional<Stage> stage = service.stages().get(kind);
                if (kind != StageKind.DEPLOY && stage.isPresent()) {
                    stages.set(kind.key(), stageNode(pipeline, service, stage.get(), build));
                }
            }
        }
        plan.set("environments", environments(pipeline, selection));
        return plan;
    }

    private static Service service(Pipeline pipeline, String name) {
        return pipeline.services().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new PayloadInvalidException("dispatch planned service '" + name
                        + "', which the pipeline file at this commit does not declare"));
    }

    private ObjectNode stageNode(Pipeline pipeline, Service service, Stage stage, BuildContext build) {
        TaskSpec spec = compiler.compile(pipeline, service, stage, build);
        TaskLaunch launch = definitions.register(spec);
        ObjectNode node = JsonFunction.JSON.createObjectNode();
        node.put("taskDefinition", launch.taskDefinition());
        node.set("overrides", JsonFunction.JSON.valueToTree(launch.overrides()));
        node.put("image", stage instanceof dev.slipway.core.pipeline.BuildStage b ? b.image() : "");
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
     * Environments in the order dispatch planned them; in each, the services that deploy there in
     * {@code depends_on} order. Only a service whose image this build produces (or that a release
     * order names) can deploy.
     */
    private ArrayNode environments(Pipeline pipeline, BuildPlan selection) {
        Map<String, PlannedService> planned = new LinkedHashMap<>();
        selection.services().forEach(p -> planned.put(p.name(), p));
        Set<String> names = new LinkedHashSet<>();
        selection.services().forEach(p -> names.addAll(p.environments()));
        ArrayNode environments = JsonFunction.JSON.createArrayNode();
        for (String name : names) {
            ObjectNode env = JsonFunction.JSON.createObjectNode();
            env.put("environment", name);
            ArrayNode services = env.putArray("services");
            Optional<Approval> approval = Optional.empty();
            for (Service service : DependencyOrder.of(pipeline.services())) {
                PlannedService p = planned.get(service.name());
                Optional<Environment> e = service.stages().deploy().flatMap(d -> d.environment(name));
                if (p == null || e.isEmpty() || !p.environments().contains(name) || !hasImage(selection, p)) {
                    continue;
                }
                services.add(deployNode(service, e.get()));
                approval = approval.or(() -> e.get().approval());
            }
            env.set("approval", approval(approval));
            if (!services.isEmpty()) {
                environments.add(env);
            }
        }
        return environments;
    }

    /** The service builds its image here, or a {@code /deploy}/{@code /rollback} brings one built earlier. */
    private static boolean hasImage(BuildPlan selection, PlannedService service) {
        ReleaseOrder order = selection.request().release();
        return service.stages().contains(StageKind.BUILD)
                || order != null && order.deploysOnly() && order.service().equals(service.name());
    }

    private static ObjectNode deployNode(Service service, Environment env) {
        ObjectNode node = JsonFunction.JSON.createObjectNode();
        node.put("service", service.name());
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
