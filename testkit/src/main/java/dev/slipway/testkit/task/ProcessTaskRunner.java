package dev.slipway.testkit.task;

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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A {@link TaskRunner} without containers, for tests of code that needs one (the engine, the state
 * machine) on machines without Docker, in the way of Woodpecker's "local" backend: each container
 * becomes a host process running its entrypoint and command (the image is ignored), in a temporary
 * directory that stands for the workspace. Service health checks run as host commands too.
 *
 * <p>It keeps the whole {@link TaskRunner} contract (the TCK proves it), except isolation: the
 * processes share the host's network and file system, resource limits are not applied, and no
 * capability (Docker Engine, artifact store) is provided, so builder containers cannot run here.
 */
public final class ProcessTaskRunner implements TaskRunner {

    private final SecretStore secrets;
    private final Clock clock;
    private final Set<ProcessHandle> live = ConcurrentHashMap.newKeySet();
    private final Set<Path> workspaces = ConcurrentHashMap.newKeySet();

    public ProcessTaskRunner(SecretStore secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Processes this runner started that still run: empty between tasks. */
    public List<ProcessHandle> liveProcesses() {
        live.removeIf(p -> !p.isAlive());
        return List.copyOf(live);
    }

    /** Workspaces not yet deleted: empty between tasks. */
    public List<Path> workspaces() {
        workspaces.removeIf(p -> !Files.exists(p));
        return List.copyOf(workspaces);
    }

    @Override
    public TaskResult run(TaskSpec spec, LogSink sink, CancelToken cancel) {
        Instant started = clock.instant();
        if (cancel.isCancelled()) {
            return ended(new ProcessTask.Ended(TaskStatus.CANCELLED, "cancelled: " + cancel.reason(), OptionalInt.empty(),
                    List.of()), started, Optional.empty());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (ContainerSpec c : spec.containers()) {
            for (String name : c.secretEnv()) {
                Optional<String> value = secrets.lookup(name);
                if (value.isEmpty()) {
                    return ended(new ProcessTask.Ended(TaskStatus.ERROR, "secret " + name + " (for container " + c.name()
                            + ") is not in the secret store; add it there or remove it from `secrets` in .slipway.yml",
                            OptionalInt.empty(), List.of()), started, Optional.empty());
                }
                values.put(name, value.get());
            }
        }
        SecretMasker masker = SecretMasker.of(values.values());
        Path workspace = createWorkspace(spec);
        ProcessTask task = new ProcessTask(spec, workspace, values, masker, serialised(sink), cancel,
                started.plus(spec.timeout()), clock, live);
        try {
            ProcessTask.Ended outcome = task.execute();
            return ended(outcome.withReason(masker.mask(outcome.reason())), started, task.digest());
        } finally {
            task.killAll();
            deleteWorkspace(workspace);
        }
    }

    private TaskResult ended(ProcessTask.Ended e, Instant started, Optional<String> digest) {
        return new TaskResult(e.status(), e.exitCode(), e.lastLines(), digest, new TaskResult.Timings(started, clock.instant()),
                e.reason());
    }

    private Path createWorkspace(TaskSpec spec) {
        try {
            Path dir = Files.createTempDirectory("slipway-" + spec.buildId() + "-" + spec.stage() + "-");
            workspaces.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteWorkspace(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the workspace " + dir, e);
        }
    }

    private static java.util.function.Consumer<LogLine> serialised(LogSink sink) {
        Object lock = new Object();
        return line -> {
            synchronized (lock) {
                try {
                    sink.accept(line);
                } catch (RuntimeException e) {
                    // The contract: a failing sink loses the line, not the task.
                }
            }
        };
    }
}
