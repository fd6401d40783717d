package dev.slipway.core.dispatch;

import dev.slipway.core.build.BuildProblem;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.lint.LintReport;
import dev.slipway.core.lint.Problem;
import dev.slipway.core.pipeline.Flow;
import dev.slipway.core.pipeline.GitRef;
import dev.slipway.core.pipeline.Pipeline;
import dev.slipway.core.pipeline.Service;
import dev.slipway.core.pipeline.StageKind;
import dev.slipway.core.pipeline.Triggers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides what a build runs: pure logic over the request and the linted pipeline file.
 *
 * <ul>
 *   <li>A file with errors is {@link BuildDecision.Rejected} with every error (warnings do not block).</li>
 *   <li>The event must match a trigger under {@code on:}: push branches, tag names, pull request
 *       target branches, schedule branches, {@code manual}, {@code chat}.</li>
 *   <li>The first matching flow (by branch, or by tag for tags) narrows the stages and environments;
 *       no matching flow runs everything declared. Pull requests are matched by their target branch,
 *       as their triggers are.</li>
 *   <li>Pull requests never deploy (their code is not merged); untrusted ones (forks) also get no
 *       secrets (DESIGN.md §7).</li>
 *   <li>{@code /deploy} and {@code /rollback} (a request with a release order) need the {@code chat}
 *       trigger and are planned by {@link ReleasePlans}.</li>
 * </ul>
 */
public final class BuildPlanner {

    private BuildPlanner() {
    }

    public static BuildDecision decide(BuildRequest request, LintReport report) {
        if (report.hasErrors()) {
            return new BuildDecision.Rejected(report.errors().stream().map(BuildPlanner::toBuildProblem).toList());
        }
        Pipeline pipeline = report.pipelineOrThrow();
        Optional<String> notTriggered = triggerMismatch(request, pipeline.triggers());
        if (notTriggered.isPresent()) {
            return new BuildDecision.NotTriggered(notTriggered.get());
        }
        if (request.release() != null) {
            return ReleasePlans.plan(request, pipeline);
        }
        return new BuildDecision.Run(plan(request, pipeline));
    }

    private static BuildPlan plan(BuildRequest request, Pipeline pipeline) {
        List<String> notes = new ArrayList<>();
        boolean deployAllowed = request.pullRequest() == null;
        if (!deployAllowed) {
            notes.add("pull request builds do not deploy");
        }
        if (request.untrusted() && !pipeline.secrets().isEmpty()) {
            notes.add("untrusted build (a fork's pull request): secrets " + pipeline.secrets() + " are withheld");
        }
        Optional<Flow> flow = ref(request).flatMap(pipeline::flowFor);
        List<PlannedService> services = new ArrayList<>();
        for (Service service : pipeline.services()) {
            services.add(planService(service, flow, deployAllowed));
        }
        List<String> secrets = request.untrusted() ? List.of() : pipeline.secrets();
        return new BuildPlan(request, services, secrets, deployAllowed, notes);
    }

    private static PlannedService planService(Service service, Optional<Flow> flow, boolean deployAllowed) {
        List<StageKind> stages = new ArrayList<>();
        service.stages().inOrder().stream().map(s -> s.kind()).filter(k -> k != StageKind.DEPLOY)
                .filter(k -> flow.map(f -> f.runs(k)).orElse(true)).forEach(stages::add);
        List<String> environments = new ArrayList<>();
        boolean deployStage = flow.map(f -> f.runs(StageKind.DEPLOY)).orElse(true);
        if (deployAllowed && deployStage) {
            service.stages().deploy().ifPresent(d -> d.environments().stream().map(e -> e.name())
                    .filter(env -> flow.map(f -> f.deploysTo(env)).orElse(true)).forEach(environments::add));
        }
        return new PlannedService(service.name(), service.dependsOn(), stages, environments);
    }

    /** Why the file's triggers do not fire for this request, or empty when one does. */
    static Optional<String> triggerMismatch(BuildRequest request, Triggers on) {
        return switch (request.event()) {
            case PUSH -> on.firesOnPush(request.branch()) ? Optional.empty()
                    : Optional.of("no push trigger in .slipway.yml matches branch " + request.branch());
            case TAG -> on.firesOnTag(request.tag()) ? Optional.empty()
                    : Optional.of("no tag trigger in .slipway.yml matches tag " + request.tag());
            case PULL_REQUEST -> on.firesOnPullRequest(request.pullRequest().targetBranch()) ? Optional.empty()
                    : Optional.of("no pull_request trigger in .slipway.yml matches target branch "
                            + request.pullRequest().targetBranch());
            case SCHEDULE -> firesOnSchedule(on, request.branch()) ? Optional.empty()
                    : Optional.of("no schedule in .slipway.yml builds branch " + request.branch());
            case MANUAL -> on.manual() ? Optional.empty() : Optional.of("manual builds are off (on.manual: false)");
            case CHAT -> on.chat() ? Optional.empty() : Optional.of("chat builds are off (on.chat: false)");
        };
    }

    private static boolean firesOnSchedule(Triggers on, String branch) {
        return on.schedules().stream().anyMatch(s -> s.branches().isEmpty() || s.branches().contains(branch));
    }

    private static Optional<GitRef> ref(BuildRequest request) {
        if (request.tag() != null) {
            return Optional.of(new GitRef.Tag(request.tag()));
        }
        String branch = request.filterBranch();
        return branch == null ? Optional.empty() : Optional.of(new GitRef.Branch(branch));
    }

    /** A linter problem as the build record keeps it. */
    public static BuildProblem toBuildProblem(Problem p) {
        return new BuildProblem(p.file(), p.line(), p.column(), p.path(), p.code(), p.message(), p.hint());
    }
}
