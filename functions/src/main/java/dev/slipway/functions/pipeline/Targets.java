package dev.slipway.functions.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.core.pipeline.HealthCheck;
import dev.slipway.core.pipeline.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Deploy targets and health checks as they travel in the plan, and back. */
final class Targets {

    private Targets() {
    }

    static ObjectNode toJson(Target target) {
        ObjectNode node = JsonFunction.JSON.createObjectNode();
        if (target instanceof Target.LocalTarget local) {
            node.put("kind", "local");
            node.put("port", local.port());
            node.put("containerPort", local.containerPort());
        } else if (target instanceof Target.EcsTarget ecs) {
            node.put("kind", "ecs");
            node.put("cluster", ecs.cluster());
            node.put("service", ecs.service());
            ecs.container().ifPresent(c -> node.put("container", c));
        }
        return node;
    }

    static Target target(JsonNode node) {
        return switch (Payloads.text(node, "kind")) {
            case "local" -> new Target.LocalTarget(node.path("port").asInt(), node.path("containerPort").asInt());
            case "ecs" -> new Target.EcsTarget(Payloads.text(node, "cluster"), Payloads.text(node, "service"),
                    Optional.ofNullable(node.path("container").textValue()));
            default -> throw new PayloadInvalidException("target kind must be local or ecs, got " + node.path("kind"));
        };
    }

    static ObjectNode toJson(HealthCheck check) {
        ObjectNode node = JsonFunction.JSON.createObjectNode();
        if (check.probe() instanceof HealthCheck.HttpProbe http) {
            node.put("http", http.path());
        } else if (check.probe() instanceof HealthCheck.CommandProbe command) {
            command.command().forEach(node.putArray("command")::add);
        }
        node.put("timeoutSeconds", check.timeout().toSeconds());
        return node;
    }

    static Optional<HealthCheck> healthCheck(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        Duration timeout = Duration.ofSeconds(node.path("timeoutSeconds").asLong(HealthCheck.DEFAULT_TIMEOUT.toSeconds()));
        if (node.has("http")) {
            return Optional.of(new HealthCheck(new HealthCheck.HttpProbe(node.get("http").asText()), timeout));
        }
        List<String> command = new ArrayList<>();
        node.path("command").forEach(c -> command.add(c.asText()));
        return Optional.of(new HealthCheck(new HealthCheck.CommandProbe(command), timeout));
    }
}
