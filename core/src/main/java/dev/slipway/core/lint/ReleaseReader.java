package dev.slipway.core.lint;

import dev.slipway.core.pipeline.Service;
import dev.slipway.core.pipeline.Stages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code release:}: several services, each with its stages and {@code depends_on}. Unknown
 * dependencies and cycles are reported at the {@code depends_on} item that names them.
 */
final class ReleaseReader {

    private static final List<String> KEYS = Stream.concat(Stream.of("depends_on"),
            StagesReader.STAGE_KEYS.stream()).toList();

    /** One {@code depends_on} item, with the node to report problems at. */
    private record Dependency(String name, Node node, String path) {
    }

    private record Member(String name, Stages stages, List<Dependency> dependsOn) {
    }

    private final Problems problems;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Set<String> environments = new LinkedHashSet<>();

    private ReleaseReader(Problems problems) {
        this.problems = problems;
    }

    /** The services in deploy order, and the environment names they define into {@code environments}. */
    static List<Service> read(MappingReader release, Set<String> environments) {
        ReleaseReader reader = new ReleaseReader(release.problems());
        if (release.entries().isEmpty()) {
            release.problems().error(release.node(), release.path(), "invalid-value", "`release` has no services",
                    "add the services of the release, e.g. `api: {build: {...}}`");
        }
        for (MappingReader.Entry entry : release.entries()) {
            reader.member(release, entry);
        }
        reader.checkDependencies();
        environments.addAll(reader.environments);
        return reader.deployOrder();
    }

    private void member(MappingReader release, MappingReader.Entry entry) {
        String name = entry.key();
        String path = release.pathOf(name);
        if (!Formats.isDnsLabel(name)) {
            problems.error(entry.keyNode(), path, "invalid-service-name", "service name `" + name
                    + "` is not a DNS label", "use lowercase letters, digits and '-', at most 63, e.g. `"
                    + Formats.toDnsLabel(name) + "`");
        }
        MappingReader.read(entry.value(), path, problems, KEYS).ifPresent(service -> {
            List<Dependency> dependsOn = new ArrayList<>();
            service.listOf("depends_on", (node, p, pr) -> Values.string(node, p, pr)
                    .map(dep -> new Dependency(dep, node, p))).ifPresent(dependsOn::addAll);
            environments.addAll(StagesReader.environments(service));
            members.put(name, new Member(name, StagesReader.read(service, name), dependsOn));
        });
    }

    private void checkDependencies() {
        for (Member member : members.values()) {
            for (Dependency dep : member.dependsOn()) {
                if (!members.containsKey(dep.name())) {
                    String hint = Suggestions.nearest(dep.name(), members.keySet())
                            .map(s -> "did you mean `" + s + "`?")
                            .orElse("services of this release: " + String.join(", ", members.keySet()));
                    problems.error(dep.node(), dep.path(), "unknown-dependency", "`" + member.name()
                            + "` depends on `" + dep.name() + "`, which is not a service of this release", hint);
                }
            }
        }
        Map<String, Integer> state = new LinkedHashMap<>();
        for (String name : members.keySet()) {
            findCycles(name, new ArrayList<>(), state);
        }
    }

    /** Depth-first search; a dependency on a service still on the stack closes a cycle. */
    private void findCycles(String name, List<String> stack, Map<String, Integer> state) {
        if (state.getOrDefault(name, 0) != 0) {
            return;
        }
        state.put(name, 1);
        stack.add(name);
        for (Dependency dep : members.get(name).dependsOn()) {
            if (!members.containsKey(dep.name())) {
                continue;
            }
            if (state.getOrDefault(dep.name(), 0) == 1) {
                List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(dep.name()), stack.size()));
                cycle.add(dep.name());
                problems.error(dep.node(), dep.path(), "dependency-cycle", "services depend on each other in a"
                        + " cycle: " + String.join(" → ", cycle), "remove one of these `depends_on` entries:"
                        + " services are deployed in dependency order, so a cycle has no first service");
            } else {
                findCycles(dep.name(), stack, state);
            }
        }
        stack.remove(stack.size() - 1);
        state.put(name, 2);
    }

    /** Kahn's algorithm; among services that are ready, the file's order decides. */
    private List<Service> deployOrder() {
        List<Service> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        boolean progress = true;
        while (progress && placed.size() < members.size()) {
            progress = false;
            for (Member member : members.values()) {
                boolean ready = member.dependsOn().stream()
                        .allMatch(d -> placed.contains(d.name()) || !members.containsKey(d.name()));
                if (!placed.contains(member.name()) && ready) {
                    placed.add(member.name());
                    ordered.add(new Service(member.name(),
                            member.dependsOn().stream().map(Dependency::name).toList(), member.stages()));
                    progress = true;
                    break;
                }
            }
        }
        return ordered;
    }
}
