package dev.slipway.core.task;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One container of a task.
 *
 * @param name unique in the task, a DNS label; appears in log lines and errors
 * @param image image reference as the user wrote it ({@code slipway/busybox:1}, {@code host:5000/a/b:tag})
 * @param entrypoint replaces the image's entrypoint when not empty
 * @param command replaces the image's command when not empty
 * @param env plain environment variables
 * @param secretEnv names of secrets exposed as environment variables of the same name; the runner
 *     resolves the values through a {@link dev.slipway.core.secret.SecretStore}, so values never
 *     travel in a spec, and masks them in the log
 * @param workingDir empty for the image's default
 * @param essential the task ends when every essential container has exited; one that fails, or
 *     that can never start because a dependency failed, fails the task
 * @param dependsOn started only when each condition holds (ECS semantics)
 * @param healthCheck run inside the container; a HEALTHY dependency waits for it
 * @param resources per-container limits; {@link Resources#UNLIMITED} to share the task's
 * @param capabilities what the runner must provide beyond the workspace
 */
public record ContainerSpec(
        String name,
        String image,
        List<String> entrypoint,
        List<String> command,
        Map<String, String> env,
        List<String> secretEnv,
        String workingDir,
        boolean essential,
        List<Dependency> dependsOn,
        Optional<HealthCheck> healthCheck,
        Resources resources,
        Set<Capability> capabilities) {

    public ContainerSpec {
        if (name == null || !name.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")) {
            throw new IllegalArgumentException("container name must be a DNS label (a-z, 0-9, '-'), was: " + name);
        }
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("container " + name + " has no image");
        }
        entrypoint = List.copyOf(entrypoint);
        command = List.copyOf(command);
        env = Map.copyOf(env);
        secretEnv = List.copyOf(secretEnv);
        Objects.requireNonNull(workingDir, "workingDir");
        dependsOn = List.copyOf(dependsOn);
        Objects.requireNonNull(healthCheck, "healthCheck");
        Objects.requireNonNull(resources, "resources");
        capabilities = Set.copyOf(capabilities);
        for (String secret : secretEnv) {
            if (env.containsKey(secret)) {
                throw new IllegalArgumentException("container " + name + ": " + secret + " is both a plain and a secret variable");
            }
        }
    }

    /** Starts a container with the given name and image; everything else at its default. */
    public static Builder builder(String name, String image) {
        return new Builder(name, image);
    }

    /** What must hold for a dependency before the dependent container starts (ECS names). */
    public enum Condition {
        /** the dependency has started */
        START,
        /** the dependency has exited, with any code */
        COMPLETE,
        /** the dependency has exited with code 0 */
        SUCCESS,
        /** the dependency's health check passes */
        HEALTHY
    }

    public record Dependency(String container, Condition condition) {
        public Dependency {
            Objects.requireNonNull(container, "container");
            Objects.requireNonNull(condition, "condition");
        }
    }

    /**
     * A command run inside the container; exit code 0 is healthy.
     *
     * @param retries consecutive failures after which the container is unhealthy
     * @param startPeriod failures during this time after start do not count
     */
    public record HealthCheck(List<String> command, Duration interval, Duration timeout, int retries, Duration startPeriod) {
        public HealthCheck {
            command = List.copyOf(command);
            if (command.isEmpty()) {
                throw new IllegalArgumentException("a health check needs a command");
            }
            if (retries < 1) {
                throw new IllegalArgumentException("health check retries must be at least 1, was " + retries);
            }
        }

        /** The longest a container can take to become healthy: start period plus every try. */
        public Duration patience() {
            return startPeriod.plus(interval.plus(timeout).multipliedBy(retries + 1L));
        }
    }

    /** Facilities that a provider supplies in its own way. */
    public enum Capability {
        /** the container drives a Docker Engine API (image builds): locally the daemon socket, in the cloud the EC2 capacity provider's */
        DOCKER_ENGINE,
        /** the container reads and writes the artifact store named by {@code SLIPWAY_ARTIFACTS} */
        ARTIFACT_STORE
    }

    /** Environment variable through which a container with {@link Capability#ARTIFACT_STORE} finds the store. */
    public static final String ARTIFACTS_ENV = "SLIPWAY_ARTIFACTS";

    /** Fluent construction for the many optional fields; {@link #build()} validates. */
    public static final class Builder {
        private final String name;
        private final String image;
        private List<String> entrypoint = List.of();
        private List<String> command = List.of();
        private final Map<String, String> env = new java.util.LinkedHashMap<>();
        private final List<String> secretEnv = new java.util.ArrayList<>();
        private String workingDir = "";
        private boolean essential = true;
        private final List<Dependency> dependsOn = new java.util.ArrayList<>();
        private HealthCheck healthCheck;
        private Resources resources = Resources.UNLIMITED;
        private final Set<Capability> capabilities = java.util.EnumSet.noneOf(Capability.class);

        private Builder(String name, String image) {
            this.name = name;
            this.image = image;
        }

        public Builder entrypoint(List<String> entrypoint) { this.entrypoint = entrypoint; return this; }
        public Builder command(List<String> command) { this.command = command; return this; }
        public Builder command(String... command) { return command(List.of(command)); }
        public Builder env(Map<String, String> env) { this.env.putAll(env); return this; }
        public Builder env(String key, String value) { this.env.put(key, value); return this; }
        public Builder secretEnv(List<String> names) { this.secretEnv.addAll(names); return this; }
        public Builder workingDir(String workingDir) { this.workingDir = workingDir; return this; }
        public Builder essential(boolean essential) { this.essential = essential; return this; }
        public Builder dependsOn(String container, Condition condition) {
            this.dependsOn.add(new Dependency(container, condition));
            return this;
        }
        public Builder healthCheck(HealthCheck healthCheck) { this.healthCheck = healthCheck; return this; }
        public Builder resources(Resources resources) { this.resources = resources; return this; }
        public Builder capability(Capability capability) { this.capabilities.add(capability); return this; }

        public ContainerSpec build() {
            return new ContainerSpec(name, image, entrypoint, command, env, secretEnv, workingDir, essential,
                    dependsOn, Optional.ofNullable(healthCheck), resources, capabilities);
        }
    }
}
