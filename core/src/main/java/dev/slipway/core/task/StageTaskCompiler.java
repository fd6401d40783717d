package dev.slipway.core.task;

import dev.slipway.core.artifact.ArtifactKeys;
import dev.slipway.core.pipeline.BuildStage;
import dev.slipway.core.pipeline.CommandStage;
import dev.slipway.core.pipeline.Pipeline;
import dev.slipway.core.pipeline.Service;
import dev.slipway.core.pipeline.ServiceContainer;
import dev.slipway.core.pipeline.ServiceHealthCheck;
import dev.slipway.core.pipeline.Stage;
import dev.slipway.core.pipeline.StageKind;
import dev.slipway.core.pipeline.TagTemplate;
import dev.slipway.core.task.ContainerSpec.Capability;
import dev.slipway.core.task.ContainerSpec.Condition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one stage of a service's pipeline, for one build, into the task that runs it:
 * <ol>
 *   <li>{@code checkout} (builder image): clones the exact commit and restores the outputs of the
 *       service's earlier stages into the workspace;</li>
 *   <li>the stage's service containers, with their health checks;</li>
 *   <li>{@code step}: the commands in the stage image, as one {@code sh -c} script with
 *       {@code set -e} that prints each command before running it; it starts once the checkout
 *       succeeded and every service is healthy (or started, without a health check);</li>
 *   <li>{@code save-outputs} (builder image) when the stage declares outputs;</li>
 *   <li>for the build stage instead of 2-4: {@code build-image} (builder image) with the Docker
 *       Engine, pushing with the {@code SLIPWAY_REGISTRY_*} secrets.</li>
 * </ol>
 */
public final class StageTaskCompiler {

    /** Secret with the https token for private repositories. */
    public static final String GIT_TOKEN = "SLIPWAY_GIT_TOKEN";
    /** Secrets with the registry login used to push release images. */
    public static final List<String> REGISTRY_LOGIN = List.of("SLIPWAY_REGISTRY_USERNAME", "SLIPWAY_REGISTRY_PASSWORD");
    /** Container names the compiler uses itself; a service may not take them. */
    public static final Set<String> RESERVED_NAMES = Set.of("checkout", "step", "save-outputs", "build-image");
    public static final String SERVICE_LABEL = "dev.slipway.service";

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)}");

    private final String builderImage;

    /** @param builderImage the image of builder-container ({@code slipway/builder:dev} locally) */
    public StageTaskCompiler(String builderImage) {
        this.builderImage = Objects.requireNonNull(builderImage, "builderImage");
    }

    /** The task name of a stage: unique per service, so a release's services do not collide. */
    public static String taskStage(Service service, StageKind kind) {
        return service.name() + "." + kind.key();
    }

    public TaskSpec compile(Pipeline pipeline, Service service, Stage stage, BuildContext build) {
        if (stage instanceof CommandStage command) {
            return commandTask(pipeline, service, command, build);
        }
        if (stage instanceof BuildStage image) {
            return buildTask(service, image, build);
        }
        throw new IllegalArgumentException(stage.kind().key() + " of " + service.name()
                + " is not a task stage: the engine rolls environments out itself");
    }

    private TaskSpec commandTask(Pipeline pipeline, Service service, CommandStage stage, BuildContext build) {
        String name = taskStage(service, stage.kind());
        List<ContainerSpec> containers = new ArrayList<>();
        containers.add(checkout(service, build));
        ContainerSpec.Builder step = ContainerSpec.builder("step", stage.image())
                .entrypoint(List.of("sh", "-c"))
                .command(script(stage.commands()))
                .env(commandEnv(pipeline, stage, build))
                .secretEnv(build.fork() ? List.of() : pipeline.secrets())
                .workingDir(TaskSpec.WORKSPACE)
                .dependsOn("checkout", Condition.SUCCESS);
        for (ServiceContainer svc : stage.services()) {
            containers.add(service(svc));
            step.dependsOn(svc.name(), svc.healthCheck().isPresent() ? Condition.HEALTHY : Condition.START);
        }
        containers.add(step.build());
        if (!stage.outputs().isEmpty()) {
            List<String> command = new ArrayList<>(List.of("save-outputs", "--build", build.buildId(), "--stage", name,
                    "--dir", TaskSpec.WORKSPACE));
            command.addAll(stage.outputs());
            containers.add(ContainerSpec.builder("save-outputs", builderImage).command(command)
                    .capability(Capability.ARTIFACT_STORE).dependsOn("step", Condition.SUCCESS).build());
        }
        var resources = dev.slipway.core.task.Resources.of(stage.resources().cpu(), (int) stage.resources().memoryMib());
        return task(service, name, containers, build, stage.timeout(), resources);
    }

    private TaskSpec buildTask(Service service, BuildStage stage, BuildContext build) {
        String name = taskStage(service, StageKind.BUILD);
        Map<String, String> vars = build.variables();
        List<String> command = new ArrayList<>(List.of("build-image", "--repository", stage.image(),
                "--context", stage.context(), "--dockerfile", stage.dockerfile(), "--dir", TaskSpec.WORKSPACE));
        for (String tag : stage.tags()) {
            command.add("--tag");
            command.add(TagTemplate.expand(tag, vars));
        }
        stage.args().forEach((k, v) -> {
            command.add("--build-arg");
            command.add(k + "=" + expand(v, vars));
        });
        command.addAll(List.of("--label", TaskSpec.BUILD_LABEL + "=" + build.buildId(), "--label",
                "org.opencontainers.image.revision=" + build.commit()));
        ContainerSpec image = ContainerSpec.builder("build-image", builderImage).command(command)
                .secretEnv(build.fork() ? List.of() : REGISTRY_LOGIN)
                .capability(Capability.DOCKER_ENGINE)
                .dependsOn("checkout", Condition.SUCCESS)
                .build();
        return task(service, name, List.of(checkout(service, build), image), build, stage.timeout(),
                dev.slipway.core.task.Resources.UNLIMITED);
    }

    private TaskSpec task(Service service, String stage, List<ContainerSpec> containers, BuildContext build,
            java.time.Duration timeout, dev.slipway.core.task.Resources resources) {
        return new TaskSpec(build.buildId(), stage, containers, "slipway-" + build.buildId() + "-" + stage + "-ws",
                Map.of(SERVICE_LABEL, service.name()), timeout, resources);
    }

    private ContainerSpec checkout(Service service, BuildContext build) {
        List<String> command = List.of("checkout", "--repo", build.repositoryUrl(), "--commit", build.commit(), "--ref",
                build.ref(), "--dir", TaskSpec.WORKSPACE, "--restore-outputs", "--build", build.buildId(),
                "--outputs-of", service.name() + ".");
        return ContainerSpec.builder("checkout", builderImage).command(command).essential(false)
                .secretEnv(build.gitToken() && !build.fork() ? List.of(GIT_TOKEN) : List.of())
                .capability(Capability.ARTIFACT_STORE)
                .build();
    }

    private static ContainerSpec service(ServiceContainer svc) {
        if (RESERVED_NAMES.contains(svc.name())) {
            throw new IllegalArgumentException("service name " + svc.name() + " is reserved by Slipway (" + RESERVED_NAMES
                    + "); rename the service in .slipway.yml");
        }
        ContainerSpec.Builder c = ContainerSpec.builder(svc.name(), svc.image()).command(svc.command()).env(svc.env())
                .essential(false);
        svc.healthCheck().ifPresent(h -> c.healthCheck(healthCheck(h)));
        return c.build();
    }

    private static ContainerSpec.HealthCheck healthCheck(ServiceHealthCheck h) {
        return new ContainerSpec.HealthCheck(h.command(), h.interval(), h.timeout(), h.retries(), h.startPeriod());
    }

    private static Map<String, String> commandEnv(Pipeline pipeline, CommandStage stage, BuildContext build) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CI", "true");
        env.put("SLIPWAY_EVENT", build.event());
        env.putAll(build.variables());
        env.putAll(pipeline.env());
        env.putAll(stage.env());
        return env;
    }

    /**
     * One POSIX sh script: {@code set -e} stops at the first failing command, and each command is
     * printed first (quoted, so that it is shown and not run) to tell in the log which one failed.
     */
    static String script(List<String> commands) {
        StringBuilder s = new StringBuilder("set -e\n");
        for (String command : commands) {
            s.append("printf '%s\\n' ").append(shellQuote("$ " + command)).append('\n');
            s.append(command).append('\n');
        }
        return s.toString();
    }

    static String shellQuote(String text) {
        return "'" + text.replace("'", "'\"'\"'") + "'";
    }

    private static String expand(String value, Map<String, String> vars) {
        Matcher m = VARIABLE.matcher(value);
        return m.replaceAll(r -> Matcher.quoteReplacement(vars.getOrDefault(r.group(1), r.group())));
    }

    /** Where the outputs of a stage task are archived. */
    public static String outputsKey(Service service, StageKind kind) {
        return ArtifactKeys.outputsOf(taskStage(service, kind));
    }
}
