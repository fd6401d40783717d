package dev.slipway.functions.aws;

import dev.slipway.core.task.ContainerSpec;
import dev.slipway.core.task.TaskDefinitions;
import dev.slipway.core.task.TaskLaunch;
import dev.slipway.core.task.TaskSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

/**
 * Registers stage tasks as ECS task definitions. Everything that differs between builds (each
 * container's command and environment) travels in RunTask's overrides, so the definition depends
 * only on the pipeline file: its family is {@code <prefix>-<hash of its content>}, and a definition
 * already registered under that family is reused instead of adding a revision for every build.
 */
public final class EcsTaskDefinitions implements TaskDefinitions {

    private final EcsClient ecs;
    private final EcsTaskConfig config;
    /** Families known to exist, per warm Lambda instance: saves a DescribeTaskDefinition call. */
    private final Map<String, String> registered = new ConcurrentHashMap<>();

    public EcsTaskDefinitions(EcsClient ecs, EcsTaskConfig config) {
        this.ecs = ecs;
        this.config = config;
    }

    @Override
    public TaskLaunch register(TaskSpec spec) {
        RegisterTaskDefinitionRequest request = EcsTaskDefinitionMapper.definition(spec, config);
        String family = config.familyPrefix() + "-" + hash(request.toBuilder().family("").build().toString());
        String arn = registered.computeIfAbsent(family, f -> existingOrNew(request.toBuilder().family(f).build()));
        return new TaskLaunch(arn, overrides(spec));
    }

    private String existingOrNew(RegisterTaskDefinitionRequest request) {
        try {
            return ecs.describeTaskDefinition(r -> r.taskDefinition(request.family())).taskDefinition().taskDefinitionArn();
        } catch (ClientException e) {
            // "Unable to describe task definition.": the family does not exist yet.
            return ecs.registerTaskDefinition(request).taskDefinition().taskDefinitionArn();
        }
    }

    /** RunTask's {@code Overrides} in the Step Functions (PascalCase) form. */
    static Map<String, Object> overrides(TaskSpec spec) {
        List<Map<String, Object>> containers = new ArrayList<>();
        for (ContainerSpec c : spec.containers()) {
            Map<String, Object> override = new LinkedHashMap<>();
            override.put("Name", c.name());
            if (!c.command().isEmpty()) {
                override.put("Command", c.command());
            }
            List<Map<String, String>> env = new ArrayList<>();
            c.env().forEach((k, v) -> env.add(Map.of("Name", k, "Value", v)));
            spec.resourceLabels().forEach((k, v) -> env.add(Map.of("Name", labelVariable(k), "Value", v)));
            override.put("Environment", env);
            containers.add(override);
        }
        return Map.of("ContainerOverrides", containers);
    }

    /** Labels have no ECS container equivalent; they become variables ({@code dev.slipway.build} → {@code SLIPWAY_LABEL_DEV_SLIPWAY_BUILD}). */
    static String labelVariable(String label) {
        return "SLIPWAY_LABEL_" + label.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    static String hash(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
