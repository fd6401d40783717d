package dev.slipway.core.lint;

import dev.slipway.core.pipeline.ServiceContainer;
import dev.slipway.core.pipeline.ServiceHealthCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** {@code services:} of a command stage: containers reachable from the stage on {@code localhost}. */
final class ServiceContainerReader {

    private static final List<String> KEYS = List.of("name", "image", "env", "command", "health_check");
    private static final List<String> HEALTH_KEYS = List.of("command", "interval", "timeout", "retries", "start_period");

    private ServiceContainerReader() {
    }

    static List<ServiceContainer> readAll(MappingReader stage) {
        List<ServiceContainer> containers = new ArrayList<>();
        Map<String, String> firstPathByName = new HashMap<>();
        List<Node> items = stage.get("services", Values::list).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            String path = Problems.index(stage.pathOf("services"), i);
            MappingReader.read(items.get(i), path, stage.problems(), KEYS).ifPresent(container -> {
                Optional<String> name = name(container);
                name.ifPresent(n -> {
                    String first = firstPathByName.putIfAbsent(n, path);
                    if (first != null) {
                        container.problems().error(container.value("name").orElseThrow(), container.pathOf("name"),
                                "duplicate-name", "service container `" + n + "` is already defined at " + first,
                                "give each service container of a stage its own name");
                    }
                });
                read(container, name).ifPresent(containers::add);
            });
        }
        return containers;
    }

    private static Optional<ServiceContainer> read(MappingReader container, Optional<String> name) {
        if (!container.has("image")) {
            container.missing("image", "missing-image", "service container "
                    + name.map(n -> "`" + n + "` ").orElse("") + "has no `image`",
                    "add `image:` with the image to start, e.g. slipway/redis:7");
        }
        Optional<String> image = container.get("image", ImageRefs::imageWithTag);
        Map<String, String> env = EnvReader.readForServiceContainer(container);
        List<String> command = container.words("command").orElse(List.of());
        Optional<ServiceHealthCheck> health = container.mapping("health_check", HEALTH_KEYS)
                .flatMap(ServiceContainerReader::healthCheck);
        if (name.isEmpty() || image.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ServiceContainer(name.get(), image.get(), env, command, health));
    }

    private static Optional<String> name(MappingReader container) {
        container.requireKey("name", "add `name:`, a DNS label such as `redis`: the container's name in logs");
        return container.string("name").filter(name -> {
            if (ServiceContainer.RESERVED_NAMES.contains(name)) {
                container.problems().error(container.value("name").orElseThrow(), container.pathOf("name"),
                        "reserved-name", "`" + name + "` is the name of a container Slipway adds to every stage",
                        "name the service container after what it runs, e.g. `" + name + "-db`; reserved: "
                                + String.join(", ", ServiceContainer.RESERVED_NAMES.stream().sorted().toList()));
                return false;
            }
            if (Formats.isDnsLabel(name)) {
                return true;
            }
            container.problems().error(container.value("name").orElseThrow(), container.pathOf("name"),
                    "invalid-service-name", "service container name \"" + name + "\" is not a DNS label",
                    "use lowercase letters, digits and '-', at most 63, e.g. `" + Formats.toDnsLabel(name) + "`");
            return false;
        });
    }

    private static Optional<ServiceHealthCheck> healthCheck(MappingReader health) {
        health.requireKey("command", "add `command:`, a list such as [redis-cli, ping] that exits 0 when ready");
        Optional<List<String>> command = health.words("command");
        Duration interval = health.duration("interval", false).orElse(ServiceHealthCheck.DEFAULT_INTERVAL);
        Duration timeout = health.duration("timeout", false).orElse(ServiceHealthCheck.DEFAULT_TIMEOUT);
        int retries = health.integer("retries", 1, 1000).orElse((long) ServiceHealthCheck.DEFAULT_RETRIES).intValue();
        Duration startPeriod = health.duration("start_period", true).orElse(Duration.ZERO);
        return command.map(c -> new ServiceHealthCheck(c, interval, timeout, retries, startPeriod));
    }
}
