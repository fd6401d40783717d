package dev.slipway.functions.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildRecord;
import dev.slipway.core.build.ReleaseOrder;
import dev.slipway.core.build.StageNames;
import dev.slipway.core.deploy.Deployment;
import dev.slipway.core.deploy.DeploymentKind;
import dev.slipway.core.deploy.DeploymentStatus;
import dev.slipway.core.deploy.ServiceEnvironment;
import dev.slipway.core.pipeline.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Rolls the image this build pushed (or the earlier one its {@code /deploy} or {@code /rollback} names,
 * recorded as a ROLLBACK for the latter) out to one environment of one service, without waiting for
 * health (the verify function does). Takes the environment's deploy lock first, so two builds never
 * deploy one environment of one service at once: a held lock fails with {@link DeployLockedException},
 * which the state machine retries with backoff (the later deploy waits).
 * Input: {@code {buildId, environment, service, target, notify}}; answers {@code {deploymentId, image}}.
 */
public final class DeployFunction extends JsonFunction {

    /** Longer than a rollout and its health check can take; a crashed deploy frees the lock after it. */
    static final Duration LOCK_LEASE = Duration.ofHours(1);

    private final PipelineServices services;

    public DeployFunction() {
        this(PipelineWiring.fromEnvironment().services());
    }

    public DeployFunction(PipelineServices services) {
        this.services = services;
    }

    @Override
    public JsonNode handle(JsonNode payload) {
        BuildId id = Payloads.buildId(payload);
        String environment = Payloads.text(payload, "environment");
        ServiceEnvironment where = new ServiceEnvironment(Payloads.text(payload, "service"), environment);
        Target target = Targets.target(payload.path("target"));
        BuildRecord build = services.builds().find(id).orElseThrow();
        String image = build.images().get(where.service());
        if (image == null) {
            throw new DeployImageMissingException(id, where);
        }
        Instant now = services.clock().instant();
        if (!services.deployments().tryLock(where, id, now, LOCK_LEASE)) {
            throw new DeployLockedException(where);
        }
        ReleaseOrder order = build.request().release();
        DeploymentKind kind = order != null && order.isRollback() ? DeploymentKind.ROLLBACK : DeploymentKind.DEPLOY;
        String why = kind == DeploymentKind.ROLLBACK ? "/rollback by " + build.request().actor() + " from "
                + Objects.requireNonNullElse(order.fromImage(), "nothing") : null;
        Deployment deployment = new Deployment(Deployment.idFor(id, where, kind), where, id, image,
                kind, DeploymentStatus.IN_PROGRESS, build.request().actor(), now, null, why);
        services.deployments().record(deployment);
        String stage = StageNames.deploy(environment);
        services.builds().modify(id, b -> RecordFunction.approvalGranted(RecordFunction.running(b, now), stage, now)
                .withStage(RecordFunction.stageOf(b, stage, StageResults.recordAs(payload)).started(now), now));
        try {
            services.deployTargets().forTarget(target).rollOut(where, target, image);
        } catch (RuntimeException e) {
            services.deployments().record(deployment.finished(DeploymentStatus.FAILED, services.clock().instant(),
                    e.getMessage()));
            services.deployments().unlock(where, id);
            throw e;
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("deploymentId", deployment.id());
        answer.put("image", image);
        return answer;
    }
}
