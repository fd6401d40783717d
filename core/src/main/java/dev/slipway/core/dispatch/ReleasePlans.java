package dev.slipway.core.dispatch;

import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.build.ReleaseOrder;
import dev.slipway.core.pipeline.Deploy;
import dev.slipway.core.pipeline.Environment;
import dev.slipway.core.pipeline.Pipeline;
import dev.slipway.core.pipeline.Service;
import dev.slipway.core.pipeline.StageKind;
import java.util.List;
import java.util.Optional;

/**
 * The plan of a {@code /deploy} or {@code /rollback} ({@link ReleaseOrder}): one service, one
 * environment. An order with an image runs only that environment's deploy (with its approval,
 * health check and rollback rules, as a push's deploy would); one without builds the ref through the
 * service's other stages first. Called by {@link BuildPlanner} after the {@code chat} trigger matched.
 */
public final class ReleasePlans {

    private ReleasePlans() {
    }

    public static BuildDecision plan(BuildRequest request, Pipeline pipeline) {
        ReleaseOrder order = request.release();
        String verb = order.isRollback() ? "/rollback" : "/deploy";
        Optional<Service> service = pipeline.services().stream().filter(s -> s.name().equals(order.service())).findFirst();
        if (service.isEmpty()) {
            return new BuildDecision.NotTriggered(verb + ": the pipeline file declares no service '" + order.service()
                    + "' (it has " + pipeline.services().stream().map(Service::name).toList() + ")");
        }
        Optional<Deploy> deploy = service.get().stages().deploy();
        if (deploy.isEmpty() || deploy.get().environments().isEmpty()) {
            return new BuildDecision.NotTriggered(verb + ": service '" + order.service() + "' has no deploy stage");
        }
        List<String> declared = deploy.get().environments().stream().map(Environment::name).toList();
        String environment = order.environment() == null ? declared.get(0) : order.environment();
        if (!declared.contains(environment)) {
            return new BuildDecision.NotTriggered(verb + ": service '" + order.service() + "' does not deploy to '"
                    + environment + "' (its environments: " + declared + ")");
        }
        List<StageKind> stages = order.deploysOnly() ? List.of() : service.get().stages().inOrder().stream()
                .map(s -> s.kind()).filter(k -> k != StageKind.DEPLOY).toList();
        PlannedService planned = new PlannedService(order.service(), List.of(), stages, List.of(environment));
        String note = verb + " by " + request.actor() + ": " + order.service() + " to " + environment
                + (order.deploysOnly() ? " with " + order.image() : " after building " + request.ref());
        return new BuildDecision.Run(new BuildPlan(request, List.of(planned), pipeline.secrets(), true, List.of(note)));
    }
}
