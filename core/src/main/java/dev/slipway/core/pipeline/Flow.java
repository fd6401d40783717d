package dev.slipway.core.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * A per-branch (or per-tag) override of what a build runs.
 *
 * @param branches     globs on branch names; a flow with neither branches nor tags never exists
 * @param tags         globs on tag names
 * @param stages       the stages to run; empty optional: all declared stages
 * @param environments the deploy environments to roll out to; empty optional: all
 */
public record Flow(
        List<Glob> branches,
        List<Glob> tags,
        Optional<List<StageKind>> stages,
        Optional<List<String>> environments) {

    public Flow {
        branches = List.copyOf(branches);
        tags = List.copyOf(tags);
        stages = stages.map(List::copyOf);
        environments = environments.map(List::copyOf);
    }

    public boolean matches(GitRef ref) {
        List<Glob> globs = ref instanceof GitRef.Tag ? tags : branches;
        return globs.stream().anyMatch(g -> g.matches(ref.name()));
    }

    public boolean runs(StageKind kind) {
        return stages.map(list -> list.contains(kind)).orElse(true);
    }

    public boolean deploysTo(String environment) {
        return environments.map(list -> list.contains(environment)).orElse(true);
    }
}
