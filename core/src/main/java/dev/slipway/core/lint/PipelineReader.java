package dev.slipway.core.lint;

import dev.slipway.core.pipeline.Flow;
import dev.slipway.core.pipeline.Notify;
import dev.slipway.core.pipeline.Pipeline;
import dev.slipway.core.pipeline.ReleasePipeline;
import dev.slipway.core.pipeline.Service;
import dev.slipway.core.pipeline.SingleServicePipeline;
import dev.slipway.core.pipeline.Stages;
import dev.slipway.core.pipeline.Variables;
import dev.slipway.core.pipeline.Triggers;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the top level of the file into a {@link Pipeline}, reporting every problem on the way. */
final class PipelineReader {

    static final List<String> TOP_KEYS = Stream.concat(
            Stream.of("version", "service", "on", "env", "secrets", "notify", "flows", "release"),
            StagesReader.STAGE_KEYS.stream()).toList();
    static final int VERSION = 1;

    private PipelineReader() {
    }

    /** The pipeline, which is complete only when {@code problems} has no error. */
    static Optional<Pipeline> read(Node root, Problems problems) {
        return MappingReader.read(root, "", problems, TOP_KEYS).flatMap(PipelineReader::read);
    }

    private static Optional<Pipeline> read(MappingReader top) {
        Optional<Long> version = version(top);
        Triggers triggers = TriggerReader.read(top);
        Map<String, String> env = EnvReader.read(top, "env");
        List<String> secrets = top.listOf("secrets", PipelineReader::secretName).orElse(List.of());
        Optional<Notify> notify = top.mapping("notify", List.of("slack")).flatMap(PipelineReader::notify);
        Set<String> environments = new LinkedHashSet<>();
        Set<String> variables = new LinkedHashSet<>(Variables.BUILD);
        variables.addAll(secrets);
        variables.addAll(env.keySet());
        if (top.has("release")) {
            reportTopLevelKeysOfRelease(top);
            List<Service> services = top.mapping("release", null)
                    .map(release -> ReleaseReader.read(release, environments)).orElse(List.of());
            List<Flow> flows = FlowReader.read(top, environments);
            top.problems().checkReferences(variables);
            return version.map(v -> new ReleasePipeline(v.intValue(), triggers, env, secrets, notify, flows, services));
        }
        Optional<String> name = serviceName(top);
        environments.addAll(StagesReader.environments(top));
        Stages stages = StagesReader.read(top, name.orElse("?"));
        List<Flow> flows = FlowReader.read(top, environments);
        top.problems().checkReferences(variables);
        if (version.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SingleServicePipeline(version.get().intValue(), triggers, env, secrets, notify,
                flows, new Service(name.get(), List.of(), stages)));
    }

    private static Optional<Long> version(MappingReader top) {
        top.requireKey("version", "start the file with `version: " + VERSION + "`");
        return top.get("version", Values::integer).filter(v -> {
            if (v == VERSION) {
                return true;
            }
            top.problems().error(top.value("version").orElseThrow(), "version", "unsupported-version",
                    "version " + v + " is not supported; this Slipway reads version " + VERSION,
                    "write `version: " + VERSION + "` and follow docs/pipeline.md");
            return false;
        });
    }

    private static Optional<String> serviceName(MappingReader top) {
        if (!top.has("service")) {
            top.missing("service", "missing-key", "the file names no `service`",
                    "add `service: <name>` for one service, or `release:` with several services");
            return Optional.empty();
        }
        return top.string("service").filter(name -> {
            if (Formats.isDnsLabel(name)) {
                return true;
            }
            top.problems().error(top.value("service").orElseThrow(), "service", "invalid-service-name",
                    "service name \"" + name + "\" is not a DNS label",
                    "use lowercase letters, digits and '-', at most 63, e.g. `" + Formats.toDnsLabel(name) + "`");
            return false;
        });
    }

    /** In a release, stages belong to its services: top-level ones would be ambiguous. */
    private static void reportTopLevelKeysOfRelease(MappingReader top) {
        Stream.concat(Stream.of("service"), StagesReader.STAGE_KEYS.stream()).forEach(key ->
                top.entry(key).ifPresent(entry -> top.problems().error(entry.keyNode(), key, "conflicting-keys",
                        "`" + key + "` cannot be at the top level of a file with `release`",
                        key.equals("service") ? "remove `service:`: the services are the keys under `release`"
                                : "move `" + key + "` under the service of `release` it belongs to")));
    }

    private static Optional<String> secretName(Node node, String path, Problems problems) {
        return Values.string(node, path, problems).filter(name -> {
            if (Formats.isEnvName(name)) {
                return true;
            }
            problems.error(node, path, "invalid-name", "secret name \"" + name + "\" is not a variable name",
                    "secrets are exposed as environment variables: use letters, digits and '_', e.g. NPM_TOKEN");
            return false;
        });
    }

    private static Optional<Notify> notify(MappingReader notify) {
        return notify.mapping("slack", List.of("channel")).flatMap(slack -> {
            slack.requireKey("channel", "add `channel: \"#deploys\"` (a name with '#', or a channel id C…)");
            return slack.string("channel").filter(channel -> {
                if (channel.matches("#[a-z0-9._-]{1,80}|[CG][A-Z0-9]{8,}")) {
                    return true;
                }
                slack.problems().error(slack.value("channel").orElseThrow(), slack.pathOf("channel"),
                        "invalid-value", "\"" + channel + "\" is not a Slack channel",
                        "write the channel as \"#name\" (quoted: # starts a comment in YAML) or its id C…");
                return false;
            });
        }).map(Notify::new);
    }
}
