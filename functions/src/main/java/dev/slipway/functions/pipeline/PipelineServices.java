package dev.slipway.functions.pipeline;

import dev.slipway.core.approval.ApprovalStore;
import dev.slipway.core.dispatch.PipelineSource;
import dev.slipway.core.build.BuildStore;
import dev.slipway.core.deploy.DeployTargets;
import dev.slipway.core.deploy.DeploymentStore;
import dev.slipway.core.notify.PipelineNotifier;
import dev.slipway.core.scm.CommitStatuses;
import dev.slipway.core.task.StageLogs;
import dev.slipway.core.task.StageTaskCompiler;
import dev.slipway.core.task.TaskDefinitions;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything the pipeline's functions use, behind ports: the cloud wiring fills it with AWS
 * adapters ({@link PipelineWiring}), the embedded runtime and the tests with local ones.
 *
 * @param pagesBase where people see a build: {@code <pagesBase>/builds/<id>} is linked from statuses
 */
public record PipelineServices(
        BuildStore builds,
        ApprovalStore approvals,
        DeploymentStore deployments,
        PipelineSource pipelines,
        StageTaskCompiler compiler,
        TaskDefinitions taskDefinitions,
        StageLogs logs,
        DeployTargets deployTargets,
        PipelineNotifier notifier,
        CommitStatuses commitStatuses,
        URI pagesBase,
        Clock clock) {

    public PipelineServices {
        Objects.requireNonNull(builds, "builds");
        Objects.requireNonNull(approvals, "approvals");
        Objects.requireNonNull(deployments, "deployments");
        Objects.requireNonNull(pipelines, "pipelines");
        Objects.requireNonNull(compiler, "compiler");
        Objects.requireNonNull(taskDefinitions, "taskDefinitions");
        Objects.requireNonNull(logs, "logs");
        Objects.requireNonNull(deployTargets, "deployTargets");
        Objects.requireNonNull(notifier, "notifier");
        Objects.requireNonNull(commitStatuses, "commitStatuses");
        Objects.requireNonNull(pagesBase, "pagesBase");
        Objects.requireNonNull(clock, "clock");
    }

    public URI buildUrl(String buildId) {
        String base = pagesBase.toString().endsWith("/") ? pagesBase.toString() : pagesBase + "/";
        return URI.create(base + "builds/" + buildId);
    }
}
