package dev.slipway.core.lint;

import dev.slipway.core.pipeline.Approval;
import dev.slipway.core.pipeline.Deploy;
import dev.slipway.core.pipeline.Environment;
import dev.slipway.core.pipeline.HealthCheck;
import dev.slipway.core.pipeline.RollbackPolicy;
import dev.slipway.core.pipeline.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** The {@code deploy} stage: named environments, each with a target, health check and gate. */
final class DeployReader {

    private static final List<String> ENVIRONMENT_KEYS = List.of("local", "ecs", "health_check", "approval", "rollback");
    private static final List<String> LOCAL_KEYS = List.of("port", "container_port");
    private static final List<String> ECS_KEYS = List.of("cluster", "service", "container");
    private static final List<String> HEALTH_KEYS = List.of("http", "command", "timeout");

    private DeployReader() {
    }

    static Optional<Deploy> read(MappingReader parent) {
        return parent.mapping("deploy", null).flatMap(DeployReader::deploy);
    }

    private static Optional<Deploy> deploy(MappingReader deploy) {
        if (deploy.entries().isEmpty()) {
            deploy.problems().error(deploy.node(), deploy.path(), "invalid-value", "`deploy` has no environments",
                    "add an environment such as `staging: {local: {port: 8080}}`, or remove `deploy`");
        }
        List<Environment> environments = new ArrayList<>();
        Map<Long, String> hostPorts = new HashMap<>();
        for (MappingReader.Entry entry : deploy.entries()) {
            String path = deploy.pathOf(entry.key());
            if (!Formats.isDnsLabel(entry.key())) {
                deploy.problems().error(entry.keyNode(), path, "invalid-name", "environment name `" + entry.key()
                        + "` is not a DNS label", "use lowercase letters, digits and '-', e.g. `"
                        + Formats.toDnsLabel(entry.key()) + "`");
            }
            MappingReader.read(entry.value(), path, deploy.problems(), ENVIRONMENT_KEYS)
                    .flatMap(env -> environment(entry.key(), env, hostPorts))
                    .ifPresent(environments::add);
        }
        return Optional.of(new Deploy(environments));
    }

    private static Optional<Environment> environment(String name, MappingReader env, Map<Long, String> hostPorts) {
        Optional<Target> target = target(name, env, hostPorts);
        Optional<HealthCheck> health = env.mapping("health_check", HEALTH_KEYS).flatMap(DeployReader::healthCheck);
        Optional<Approval> approval = ApprovalReader.read(env);
        RollbackPolicy rollback = env.get("rollback", DeployReader::rollback).orElse(RollbackPolicy.AUTO);
        return target.map(t -> new Environment(name, t, health, approval, rollback));
    }

    private static Optional<Target> target(String name, MappingReader env, Map<Long, String> hostPorts) {
        if (env.has("local") && env.has("ecs")) {
            Node second = env.entry("ecs").orElseThrow().keyNode();
            env.problems().error(second, env.pathOf("ecs"), "conflicting-keys", "environment `" + name
                    + "` has both `local` and `ecs`", "keep one target per environment; add another environment"
                    + " for the other target");
            return Optional.empty();
        }
        if (env.has("local")) {
            return env.mapping("local", LOCAL_KEYS).flatMap(local -> local(name, local, hostPorts));
        }
        if (env.has("ecs")) {
            return env.mapping("ecs", ECS_KEYS).flatMap(DeployReader::ecs);
        }
        env.problems().error(env.node(), env.path(), "missing-target", "environment `" + name + "` has no target",
                "add `local: {port: 8080}` for a container on this machine, or"
                        + " `ecs: {cluster: ..., service: ...}` for an ECS service");
        return Optional.empty();
    }

    /** Local environments of one deploy may run side by side, so each needs its own host port. */
    private static Optional<Target> local(String name, MappingReader local, Map<Long, String> hostPorts) {
        local.requireKey("port", "add `port:`, the host port the container is published on");
        Optional<Long> port = local.integer("port", 1, 65535).filter(p -> {
            String other = hostPorts.putIfAbsent(p, name);
            if (other != null) {
                local.problems().error(local.value("port").orElseThrow(), local.pathOf("port"), "duplicate-port",
                        "environment `" + name + "` uses host port " + p + ", like environment `" + other + "`",
                        "give each local environment its own `port`; `container_port` may stay the same");
                return false;
            }
            return true;
        });
        Optional<Long> containerPort = local.integer("container_port", 1, 65535);
        return port.map(p -> new Target.LocalTarget(p.intValue(), containerPort.orElse(p).intValue()));
    }

    private static Optional<Target> ecs(MappingReader ecs) {
        ecs.requireKey("cluster", "add `cluster:` with the name of the ECS cluster");
        ecs.requireKey("service", "add `service:` with the name of the ECS service in that cluster");
        Optional<String> cluster = ecs.string("cluster");
        Optional<String> service = ecs.string("service");
        Optional<String> container = ecs.string("container");
        if (cluster.isEmpty() || service.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Target.EcsTarget(cluster.get(), service.get(), container));
    }

    private static Optional<HealthCheck> healthCheck(MappingReader health) {
        Duration timeout = health.duration("timeout", false).orElse(HealthCheck.DEFAULT_TIMEOUT);
        if (health.has("http") && health.has("command")) {
            health.problems().error(health.entry("command").orElseThrow().keyNode(), health.pathOf("command"),
                    "conflicting-keys", "a health check has either `http` or `command`, not both",
                    "keep the one that proves the service works");
            return Optional.empty();
        }
        if (health.has("command")) {
            return health.words("command").map(c -> new HealthCheck(new HealthCheck.CommandProbe(c), timeout));
        }
        if (!health.has("http")) {
            health.missing("http", "missing-key", Problems.where(health.path()) + " needs `http` or `command`",
                    "add `http: /health` (a path answering 2xx) or `command: [...]` run in the container");
            return Optional.empty();
        }
        return health.string("http").filter(path -> {
            if (path.startsWith("/")) {
                return true;
            }
            health.problems().error(health.value("http").orElseThrow(), health.pathOf("http"), "invalid-value",
                    "`http` is \"" + path + "\", not a path", "write the path on the service, starting with '/',"
                            + " e.g. /health");
            return false;
        }).map(path -> new HealthCheck(new HealthCheck.HttpProbe(path), timeout));
    }

    private static Optional<RollbackPolicy> rollback(Node node, String path, Problems problems) {
        return Values.text(node, path, problems).flatMap(value -> {
            if (value.equals("auto") || value.equals("manual")) {
                return Optional.of(RollbackPolicy.valueOf(value.toUpperCase(Locale.ROOT)));
            }
            problems.error(node, path, "invalid-value", "`rollback` is \"" + value + "\"",
                    "write `auto` (restore the last good image when the deploy fails) or `manual`");
            return Optional.empty();
        });
    }
}
