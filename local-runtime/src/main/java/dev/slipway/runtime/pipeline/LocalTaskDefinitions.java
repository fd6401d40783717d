package dev.slipway.runtime.pipeline;

import dev.slipway.core.task.ContainerSpec;
import dev.slipway.core.task.TaskDefinitions;
import dev.slipway.core.task.TaskLaunch;
import dev.slipway.core.task.TaskSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Task definitions on one machine: the compiled {@link TaskSpec}s themselves, kept in memory under
 * a reference the state machine passes to RunTask. Equal specs get one reference. The overrides
 * carry each container's command and environment, as in the cloud, so that {@link DockerEcsTaskPort}
 * runs what RunTask asked for.
 */
public final class LocalTaskDefinitions implements TaskDefinitions {

    private static final String PREFIX = "arn:aws:ecs:local:000000000000:task-definition/slipway-local-";

    private final Map<TaskSpec, String> references = new ConcurrentHashMap<>();
    private final Map<String, TaskSpec> specs = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong();

    @Override
    public TaskLaunch register(TaskSpec spec) {
        String reference = references.computeIfAbsent(spec, s -> {
            String ref = PREFIX + s.stage().replace('.', '-') + ":" + next.incrementAndGet();
            specs.put(ref, s);
            return ref;
        });
        return new TaskLaunch(reference, overrides(spec));
    }

    public Optional<TaskSpec> find(String reference) {
        return Optional.ofNullable(specs.get(reference));
    }

    /** RunTask's {@code Overrides}, in the Step Functions (PascalCase) form. */
    static Map<String, Object> overrides(TaskSpec spec) {
        List<Map<String, Object>> containers = new ArrayList<>();
        for (ContainerSpec c : spec.containers()) {
            Map<String, Object> override = new LinkedHashMap<>();
            override.put("Name", c.name());
            override.put("Command", c.command());
            List<Map<String, String>> env = new ArrayList<>();
            c.env().forEach((k, v) -> env.add(Map.of("Name", k, "Value", v)));
            override.put("Environment", env);
            containers.add(override);
        }
        return Map.of("ContainerOverrides", containers);
    }
}
