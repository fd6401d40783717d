package dev.slipway.functions.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.deploy.Deployment;
import dev.slipway.core.deploy.DeploymentKind;
import dev.slipway.core.deploy.DeploymentStatus;
import dev.slipway.core.deploy.ServiceEnvironment;
import dev.slipway.core.notify.RollbackReport;
import dev.slipway.core.pipeline.RollbackPolicy;
import dev.slipway.core.pipeline.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * After a failed deploy to an environment: for every service of that environment that this build
 * changed (the one that failed and those of the release already deployed), newest first, redeploys
 * the last good image from before this build, records the rollback and reports it from and to.
 * Services with {@code rollback: manual} are left as they are. Answers {@code {error, cause}}:
 * {@value #ROLLED_BACK} when something was restored, {@value #DEPLOY_FAILED} otherwise.
 * Input: {@code {buildId, environment, services: [{service, target, healthCheck, rollback}], error, notify}}.
 */
public final class RollbackFunction extends JsonFunction {

    public static final String ROLLED_BACK = "Slipway.RolledBack";
    public static final String DEPLOY_FAILED = "Slipway.DeployFailed";

    private final PipelineServices services;

    public RollbackFunction() {
        this(PipelineWiring.fromEnvironment().services());
    }

    public RollbackFunction(PipelineServices services) {
        this.services = services;
    }

    @Override
    public JsonNode handle(JsonNode payload) {
        BuildId id = Payloads.buildId(payload);
        String environment = Payloads.text(payload, "environment");
        List<JsonNode> planned = new ArrayList<>();
        payload.path("services").forEach(planned::add);
        List<RollbackReport> reports = new ArrayList<>();
        for (int i = planned.size() - 1; i >= 0; i--) {
            rollBack(id, environment, planned.get(i)).ifPresent(reports::add);
        }
        BuildRecord build = services.builds().find(id).orElseThrow();
        reports.forEach(r -> services.notifier().rolledBack(build, Payloads.channel(payload), Payloads.messageRef(payload), r));
        String failure = Causes.readable(payload.path("error").path("Cause").asText(
                payload.path("error").path("Error").asText("deploy failed")));
        ObjectNode answer = JSON.createObjectNode();
        boolean restored = reports.stream().anyMatch(r -> !r.to().isBlank());
        answer.put("error", restored ? ROLLED_BACK : DEPLOY_FAILED);
        answer.put("cause", "deploy to " + environment + " failed: " + failure + (reports.isEmpty() ? "" : "; "
                + String.join("; ", reports.stream().map(RollbackFunction::describe).toList())));
        return answer;
    }

    private Optional<RollbackReport> rollBack(BuildId id, String environment, JsonNode planned) {
        ServiceEnvironment where = new ServiceEnvironment(Payloads.text(planned, "service"), environment);
        Optional<Deployment> current = services.deployments().current(where);
        if (current.isEmpty() || !id.equals(current.get().build()) || current.get().kind() != DeploymentKind.DEPLOY) {
            return Optional.empty();
        }
        String from = current.get().image();
        if (RollbackPolicy.valueOf(planned.path("rollback").asText("AUTO")) == RollbackPolicy.MANUAL) {
            return Optional.of(new RollbackReport(where, from, "", "rollback: manual, so " + from + " stays; roll back with /rollback"));
        }
        Optional<Deployment> good = services.deployments().history(where, 100).stream()
                .filter(d -> d.status() == DeploymentStatus.SUCCEEDED && !id.equals(d.build()))
                .findFirst();
        if (good.isEmpty()) {
            return Optional.of(new RollbackReport(where, from, "", "no earlier good image to restore"));
        }
        return Optional.of(restore(id, where, Targets.target(planned.path("target")), from, good.get().image(), planned));
    }

    private RollbackReport restore(BuildId id, ServiceEnvironment where, Target target, String from, String to, JsonNode planned) {
        Instant now = services.clock().instant();
        Deployment rollback = new Deployment(Deployment.idFor(id, where, DeploymentKind.ROLLBACK), where, id, to,
                DeploymentKind.ROLLBACK, DeploymentStatus.IN_PROGRESS, "slipway", now, null, "restoring after " + from + " failed");
        services.deployments().record(rollback);
        try {
            var adapter = services.deployTargets().forTarget(target);
            adapter.rollOut(where, target, to);
            adapter.awaitHealthy(where, target, Targets.healthCheck(planned.path("healthCheck")));
        } catch (RuntimeException e) {
            services.deployments().record(rollback.finished(DeploymentStatus.FAILED, services.clock().instant(), e.getMessage()));
            return new RollbackReport(where, from, "", "restoring " + to + " failed too: " + e.getMessage());
        }
        services.deployments().record(rollback.finished(DeploymentStatus.SUCCEEDED, services.clock().instant(), null));
        return new RollbackReport(where, from, to, "restored the last good image");
    }

    private static String describe(RollbackReport r) {
        return r.target() + ": " + (r.to().isBlank() ? r.reason() : "rolled back from " + r.from() + " to " + r.to());
    }
}
