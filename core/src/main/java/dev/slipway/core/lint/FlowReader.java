package dev.slipway.core.lint;

import dev.slipway.core.pipeline.Flow;
import dev.slipway.core.pipeline.Glob;
import dev.slipway.core.pipeline.StageKind;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** {@code flows:}: per-branch choices of stages and environments. */
final class FlowReader {

    private static final List<String> KEYS = List.of("branches", "tags", "stages", "environments");
    private static final List<String> STAGE_KEYS = Arrays.stream(StageKind.values()).map(StageKind::key).toList();

    private FlowReader() {
    }

    /** @param environments the names defined under {@code deploy} (of any service of a release) */
    static List<Flow> read(MappingReader top, Set<String> environments) {
        return top.listOf("flows", (node, path, problems) -> MappingReader.read(node, path, problems, KEYS)
                .flatMap(flow -> flow(flow, environments))).orElse(List.of());
    }

    private static Optional<Flow> flow(MappingReader flow, Set<String> environments) {
        if (!flow.has("branches") && !flow.has("tags")) {
            flow.missing("branches", "missing-key", "a flow needs `branches` or `tags` to say when it applies",
                    "add `branches: [\"feature/*\"]` or `tags: [\"v*\"]`");
        }
        List<Glob> branches = TriggerReader.globs(flow, "branches");
        List<Glob> tags = TriggerReader.globs(flow, "tags");
        Optional<List<StageKind>> stages = flow.listOf("stages", FlowReader::stage);
        Optional<List<String>> envs = flow.listOf("environments",
                (node, path, problems) -> environment(node, path, problems, environments));
        return Optional.of(new Flow(branches, tags, stages, envs));
    }

    private static Optional<StageKind> stage(Node node, String path, Problems problems) {
        return Values.string(node, path, problems).flatMap(key -> {
            Optional<StageKind> kind = StageKind.fromKey(key);
            if (kind.isEmpty()) {
                problems.error(node, path, "unknown-stage", "there is no stage `" + key + "`",
                        Suggestions.nearest(key, STAGE_KEYS).map(s -> "did you mean `" + s + "`?")
                                .orElse("stages are " + String.join(", ", STAGE_KEYS)));
            }
            return kind;
        });
    }

    private static Optional<String> environment(Node node, String path, Problems problems, Set<String> defined) {
        return Values.string(node, path, problems).filter(name -> {
            if (defined.contains(name)) {
                return true;
            }
            String hint = Suggestions.nearest(name, defined).map(s -> "did you mean `" + s + "`?")
                    .orElse(defined.isEmpty() ? "define it under `deploy:` first"
                            : "defined environments: " + String.join(", ", defined));
            problems.error(node, path, "undefined-environment", "environment `" + name
                    + "` is not defined under `deploy`", hint);
            return false;
        });
    }
}
