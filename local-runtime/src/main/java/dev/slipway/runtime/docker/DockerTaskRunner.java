package dev.slipway.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import dev.slipway.core.secret.SecretMasker;
import dev.slipway.core.secret.SecretStore;
import dev.slipway.core.task.CancelToken;
import dev.slipway.core.task.ContainerSpec;
import dev.slipway.core.task.LogLine;
import dev.slipway.core.task.LogSink;
import dev.slipway.core.task.TaskResult;
import dev.slipway.core.task.TaskRunner;
import dev.slipway.core.task.TaskSpec;
import dev.slipway.core.task.TaskStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Runs a {@link TaskSpec} on the local Docker daemon, keeping the {@link TaskRunner} contract.
 *
 * <p>Per task: a labelled network, a sandbox container holding the network namespace that every
 * other container joins, the workspace volume, and the containers in dependency order. After the
 * task, whatever the outcome, everything with the task's labels is removed.
 */
public final class DockerTaskRunner implements TaskRunner {

    private static final System.Logger LOG = System.getLogger(DockerTaskRunner.class.getName());

    private final DockerClient docker;
    private final DockerTaskRunnerConfig config;
    private final SecretStore secrets;
    private final Reaper reaper;
    private final ImageResolver images;

    public DockerTaskRunner(DockerClient docker, DockerTaskRunnerConfig config, SecretStore secrets) {
        this.docker = Objects.requireNonNull(docker, "docker");
        this.config = Objects.requireNonNull(config, "config");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.reaper = new Reaper(docker);
        this.images = new ImageResolver(docker, config);
    }

    @Override
    public TaskResult run(TaskSpec spec, LogSink sink, CancelToken cancel) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(cancel, "cancel");
        Instant started = config.clock().instant();
        if (cancel.isCancelled()) {
            return result(TaskEndedException.of(TaskStatus.CANCELLED, "cancelled: " + cancel.reason()), started);
        }
        try {
            return run(spec, resolveSecrets(spec), sink, cancel, started);
        } catch (TaskEndedException e) {
            return result(e, started);
        }
    }

    private TaskResult run(TaskSpec spec, Map<String, String> secretValues, LogSink sink, CancelToken cancel, Instant started) {
        SecretMasker masker = SecretMasker.of(secretValues.values());
        Consumer<LogLine> serialSink = serialised(sink);
        CountDownLatch cancelled = new CountDownLatch(1);
        cancel.onCancel(cancelled::countDown);
        ContainerFactory factory = new ContainerFactory(docker, config, spec);
        try (LogPumps pumps = new LogPumps(docker, masker, config, serialSink)) {
            TaskExecution execution = new TaskExecution(docker, factory, config, secretValues, serialSink, pumps, cancelled,
                    started.plus(spec.timeout()), timeoutText(spec));
            try {
                // Leftovers of an earlier, crashed run of this stage would clash on names.
                reaper.reapStage(spec.buildId(), spec.stage());
                ensureImages(spec);
                TaskExecution.Started last = execution.execute(spec.containers());
                pumps.drainAll();
                return succeeded(execution, last, started);
            } catch (TaskEndedException e) {
                stop(execution);
                pumps.drainAll();
                return result(withLines(masked(e, masker, cancel), execution), started, digest(execution));
            } catch (ImageUnavailableException e) {
                return result(TaskEndedException.of(TaskStatus.ERROR, masker.mask(e.getMessage())), started);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "task " + spec.buildId() + "/" + spec.stage() + " failed to run", e);
                return result(TaskEndedException.of(TaskStatus.ERROR, masker.mask(describe(spec, e))), started);
            } finally {
                cleanUp(spec);
            }
        }
    }

    private Map<String, String> resolveSecrets(TaskSpec spec) throws TaskEndedException {
        Map<String, String> values = new LinkedHashMap<>();
        for (ContainerSpec c : spec.containers()) {
            for (String name : c.secretEnv()) {
                Optional<String> value = secrets.lookup(name);
                if (value.isEmpty()) {
                    throw TaskEndedException.of(TaskStatus.ERROR, "secret " + name + " (for container " + c.name()
                            + ") is not in the secret store; add it there or remove it from `secrets` in .slipway.yml");
                }
                values.put(name, value.get());
            }
        }
        return values;
    }

    private void ensureImages(TaskSpec spec) {
        Set<String> all = new LinkedHashSet<>();
        all.add(config.sandboxImage());
        spec.containers().forEach(c -> all.add(c.image()));
        all.forEach(images::ensure);
    }

    /** Kills what still runs at once, so that a cancel or timeout ends within seconds. */
    private void stop(TaskExecution execution) {
        for (TaskExecution.Started s : execution.started().values()) {
            try {
                docker.killContainerCmd(s.id()).exec();
            } catch (RuntimeException e) {
                // Already exited ("is not running"): nothing to stop.
            }
        }
    }

    private void cleanUp(TaskSpec spec) {
        try {
            reaper.reapStage(spec.buildId(), spec.stage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remove the containers of " + spec.buildId() + "/" + spec.stage()
                    + "; the reaper removes them at the next start", e);
        }
    }

    private TaskResult succeeded(TaskExecution execution, TaskExecution.Started last, Instant started) {
        List<String> lines = last == null ? List.of() : last.logs().lastLines();
        return new TaskResult(TaskStatus.SUCCEEDED, OptionalInt.of(0), lines, digest(execution),
                new TaskResult.Timings(started, config.clock().instant()), "");
    }

    /** Only from image-building containers: a user's command must not be able to fake a pushed digest. */
    private static Optional<String> digest(TaskExecution execution) {
        return execution.started().values().stream()
                .filter(s -> s.spec().capabilities().contains(ContainerSpec.Capability.DOCKER_ENGINE))
                .map(s -> s.logs().digest()).flatMap(Optional::stream).reduce((a, b) -> b);
    }

    private TaskResult result(TaskEndedException e, Instant started) {
        return result(e, started, Optional.empty());
    }

    private TaskResult result(TaskEndedException e, Instant started, Optional<String> digest) {
        return new TaskResult(e.status, e.exitCode, e.lastLines, digest,
                new TaskResult.Timings(started, config.clock().instant()), e.getMessage());
    }

    private static TaskEndedException masked(TaskEndedException e, SecretMasker masker, CancelToken cancel) {
        String reason = e.status == TaskStatus.CANCELLED && cancel.isCancelled() ? "cancelled: " + cancel.reason() : e.getMessage();
        return new TaskEndedException(e.status, masker.mask(reason), e.exitCode, e.lastLines);
    }

    /** A timeout or cancel names no container: show what the last essential container printed. */
    private static TaskEndedException withLines(TaskEndedException e, TaskExecution execution) {
        if (!e.lastLines.isEmpty()) {
            return e;
        }
        List<String> lines = execution.started().values().stream().filter(s -> s.spec().essential())
                .reduce((a, b) -> b).map(s -> s.logs().lastLines()).orElse(List.of());
        return new TaskEndedException(e.status, e.getMessage(), e.exitCode, lines);
    }

    private static String describe(TaskSpec spec, RuntimeException e) {
        return "stage " + spec.stage() + " of build " + spec.buildId() + " could not run on Docker: " + DockerErrors.describe(e)
                + ". Check that the Docker daemon is running and reachable (DOCKER_HOST).";
    }

    private static String timeoutText(TaskSpec spec) {
        return "stage " + spec.stage() + " ran longer than its timeout of " + spec.timeout().toString().substring(2).toLowerCase()
                + " and was stopped; raise `timeout` for it in .slipway.yml or make it faster";
    }

    /** The contract promises sinks no concurrent calls; log pumps run on several threads. */
    private static Consumer<LogLine> serialised(LogSink sink) {
        Object lock = new Object();
        boolean[] warned = {false};
        return line -> {
            synchronized (lock) {
                try {
                    sink.accept(line);
                } catch (RuntimeException e) {
                    if (!warned[0]) {
                        warned[0] = true;
                        LOG.log(System.Logger.Level.WARNING, "the log sink failed on a line of " + line.container()
                                + "; its lines are lost, the task goes on (further failures are not logged)", e);
                    }
                }
            }
        };
    }
}
