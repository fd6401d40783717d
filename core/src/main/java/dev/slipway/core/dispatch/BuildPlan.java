package dev.slipway.core.dispatch;

import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.build.StageNames;
import dev.slipway.core.build.StageRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * What a build will run, decided by dispatch from the request and the pipeline file; it travels in
 * the pipeline execution's input (small: names only, no file content).
 *
 * @param request        the request, with the commit resolved for branch builds
 * @param services       in deploy order
 * @param secrets        the secret names the build may read; empty for untrusted builds
 * @param deployAllowed  false for pull requests (forks above all): their code is not merged
 * @param notes          why stages or environments were left out, for people
 */
public record BuildPlan(BuildRequest request, List<PlannedService> services, List<String> secrets,
        boolean deployAllowed, List<String> notes) {

    public BuildPlan {
        services = List.copyOf(services);
        secrets = List.copyOf(secrets);
        notes = List.copyOf(notes);
    }

    /** The build record's stages: every planned stage of every service, deploys as {@code deploy:<env>}. */
    public List<StageRecord> stageRecords() {
        List<StageRecord> stages = new ArrayList<>();
        for (PlannedService service : services) {
            service.stages().forEach(kind -> stages.add(StageRecord.pending(kind.key(), service.name())));
            service.environments().forEach(env -> stages.add(StageRecord.pending(StageNames.deploy(env), service.name())));
        }
        return stages;
    }

    /** The environments deployed to, of every service. */
    public boolean deploys() {
        return services.stream().anyMatch(s -> !s.environments().isEmpty());
    }
}
