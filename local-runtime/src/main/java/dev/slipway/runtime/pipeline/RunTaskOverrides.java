package dev.slipway.runtime.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.core.task.ContainerSpec;
import dev.slipway.core.task.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RunTask's {@code Overrides.ContainerOverrides} applied to a registered spec, as ECS applies them to
 * a task definition: a container override replaces the command and adds or replaces environment
 * variables. A task token ({@code ecs:runTask.waitForTaskToken}) reaches the containers as
 * {@code TASK_TOKEN}.
 */
final class RunTaskOverrides {

    private RunTaskOverrides() {
    }

    static TaskSpec apply(TaskSpec spec, JsonNode overrides, String taskToken) {
        List<ContainerSpec> containers = new ArrayList<>();
        for (ContainerSpec c : spec.containers()) {
            JsonNode override = find(overrides.path("ContainerOverrides"), c.name());
            containers.add(override == null && taskToken == null ? c : override(c, override, taskToken));
        }
        return new TaskSpec(spec.buildId(), spec.stage(), containers, spec.workspaceVolume(), spec.labels(), spec.timeout(),
                spec.resources());
    }

    private static JsonNode find(JsonNode overrides, String name) {
        for (JsonNode o : overrides) {
            if (name.equals(o.path("Name").asText())) {
                return o;
            }
        }
        return null;
    }

    private static ContainerSpec override(ContainerSpec c, JsonNode override, String taskToken) {
        List<String> command = new ArrayList<>(c.command());
        Map<String, String> env = new java.util.LinkedHashMap<>(c.env());
        if (override != null) {
            if (override.has("Command")) {
                command.clear();
                override.path("Command").forEach(part -> command.add(part.asText()));
            }
            env.putAll(DockerEcsTaskPort.environment(override));
        }
        if (taskToken != null) {
            env.put("TASK_TOKEN", taskToken);
        }
        return new ContainerSpec(c.name(), c.image(), c.entrypoint(), command, env, c.secretEnv(), c.workingDir(),
                c.essential(), c.dependsOn(), c.healthCheck(), c.resources(), c.capabilities());
    }
}
