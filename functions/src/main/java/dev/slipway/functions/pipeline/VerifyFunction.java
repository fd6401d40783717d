package dev.slipway.functions.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.ReleaseOrder;
import dev.slipway.core.build.StageNames;
import dev.slipway.core.build.StageStatus;
import dev.slipway.core.deploy.Deployment;
import dev.slipway.core.deploy.DeploymentKind;
import dev.slipway.core.deploy.DeploymentStatus;
import dev.slipway.core.deploy.ServiceEnvironment;
import dev.slipway.core.notify.NotificationUndeliveredException;
import dev.slipway.core.notify.RollbackReport;
import dev.slipway.core.pipeline.Target;
import java.time.Instant;

/**
 * Waits until the image the deploy function rolled out is healthy (ECS steady state, or the local
 * health check), then records the deployment as SUCCEEDED: its image becomes the environment's last
 * good image. When it is not healthy in time the deployment is recorded FAILED and the error
 * ({@link dev.slipway.core.deploy.DeployUnhealthyException}) goes to the state machine, which rolls back.
 * A healthy {@code /rollback} is reported in the build's thread.
 * Input: the deploy input plus {@code rollout: {deploymentId, image}} and {@code healthCheck}.
 */
public final class VerifyFunction extends JsonFunction {

    private static final System.Logger LOG = System.getLogger(VerifyFunction.class.getName());

    private final PipelineServices services;

    public VerifyFunction() {
        this(PipelineWiring.fromEnvironment().services());
    }

    public VerifyFunction(PipelineServices services) {
        this.services = services;
    }

    @Override
    public JsonNode handle(JsonNode payload) {
        BuildId id = Payloads.buildId(payload);
        String environment = Payloads.text(payload, "environment");
        ServiceEnvironment where = new ServiceEnvironment(Payloads.text(payload, "service"), environment);
        Target target = Targets.target(payload.path("target"));
        String deploymentId = Payloads.text(payload.path("rollout"), "deploymentId");
        Deployment deployment = services.deployments().history(where, 20).stream()
                .filter(d -> d.id().equals(deploymentId)).findFirst()
                .orElseThrow(() -> new PayloadInvalidException("no deployment " + deploymentId + " of " + where
                        + " is recorded; the deploy state must run before verify"));
        try {
            services.deployTargets().forTarget(target).awaitHealthy(where, target, Targets.healthCheck(payload.path("healthCheck")));
        } catch (RuntimeException e) {
            end(id, payload, deployment, DeploymentStatus.FAILED, StageStatus.FAILED, e.getMessage());
            throw e;
        }
        end(id, payload, deployment, DeploymentStatus.SUCCEEDED, StageStatus.SUCCEEDED, null);
        if (deployment.kind() == DeploymentKind.ROLLBACK) {
            reportRollback(id, payload, deployment);
        }
        return JSON.createObjectNode().put("image", deployment.image());
    }

    /** A {@code /rollback} that is healthy: the build's thread says from which image to which, and who asked. */
    private void reportRollback(BuildId id, JsonNode payload, Deployment deployment) {
        BuildRecord build = services.builds().find(id).orElseThrow();
        ReleaseOrder order = build.request().release();
        String from = order == null || order.fromImage() == null ? "" : order.fromImage();
        RollbackReport report = new RollbackReport(deployment.target(), from, deployment.image(), "asked for with /rollback"
                + (order != null && order.source() != null ? ": the image of build " + order.source() : ""));
        try {
            services.notifier().rolledBack(build, Payloads.channel(payload), Payloads.messageRef(payload), report);
        } catch (NotificationUndeliveredException e) {
            // The rollback is done and recorded; a lost chat message must not fail it (and roll it back).
            LOG.log(System.Logger.Level.WARNING, "build " + id + ": " + e.getMessage());
        }
    }

    private void end(BuildId id, JsonNode payload, Deployment deployment, DeploymentStatus status, StageStatus stage,
            String why) {
        Instant now = services.clock().instant();
        services.deployments().record(deployment.finished(status, now, why));
        services.deployments().unlock(deployment.target(), id);
        String name = StageNames.deploy(deployment.target().environment());
        services.builds().modify(id, b -> b.withStage(
                RecordFunction.stageOf(b, name, StageResults.recordAs(payload)).finished(stage, now, null, why), now));
    }
}
