package dev.slipway.testkit.task;

import dev.slipway.core.secret.MaskedLines;
import dev.slipway.core.secret.SecretMasker;
import dev.slipway.core.task.CancelToken;
import dev.slipway.core.task.ContainerSpec;
import dev.slipway.core.task.ContainerSpec.Dependency;
import dev.slipway.core.task.LogLine;
import dev.slipway.core.task.TaskOutputs;
import dev.slipway.core.task.TaskSpec;
import dev.slipway.core.task.TaskStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** One run of one task as host processes; see {@link ProcessTaskRunner}. */
final class ProcessTask {

    record Ended(TaskStatus status, String reason, OptionalInt exitCode, List<String> lastLines) {
        Ended withReason(String masked) {
            return new Ended(status, masked, exitCode, lastLines);
        }
    }

    private static final class StopException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Ended ended;

        StopException(Ended ended) {
            super(ended.reason(), null, false, false);
            this.ended = ended;
        }
    }

    /** A started "container": its process and what it printed. */
    private record Running(ContainerSpec spec, Process process, Output output) {
    }

    private static final int KEEP = 20;
    private static final long TICK_MILLIS = 20;

    private final TaskSpec spec;
    private final Path workspace;
    private final Map<String, String> secrets;
    private final SecretMasker masker;
    private final Consumer<LogLine> sink;
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final CancelToken cancel;
    private final Instant deadline;
    private final Clock clock;
    private final Set<ProcessHandle> live;
    private final Map<String, Running> started = new LinkedHashMap<>();

    ProcessTask(TaskSpec spec, Path workspace, Map<String, String> secrets, SecretMasker masker, Consumer<LogLine> sink,
            CancelToken cancel, Instant deadline, Clock clock, Set<ProcessHandle> live) {
        this.spec = spec;
        this.workspace = workspace;
        this.secrets = secrets;
        this.masker = masker;
        this.sink = sink;
        this.cancel = cancel;
        this.deadline = deadline;
        this.clock = clock;
        this.live = live;
        cancel.onCancel(cancelled::countDown);
    }

    Ended execute() {
        try {
            Running last = null;
            for (ContainerSpec c : spec.containers()) {
                Optional<Ended> blocked = awaitDependencies(c);
                if (blocked.isPresent() && c.essential()) {
                    return blocked.get();
                }
                if (blocked.isEmpty()) {
                    Running r = start(c);
                    last = c.essential() ? r : last;
                }
            }
            awaitEssentials();
            return new Ended(TaskStatus.SUCCEEDED, "", OptionalInt.of(0), last == null ? List.of() : last.output().lastLines());
        } catch (StopException e) {
            List<String> lines = started.values().stream().filter(r -> r.spec().essential()).reduce((a, b) -> b)
                    .map(r -> r.output().lastLines()).orElse(List.of());
            return e.ended.lastLines().isEmpty()
                    ? new Ended(e.ended.status(), e.ended.reason(), e.ended.exitCode(), lines) : e.ended;
        } catch (IOException e) {
            return new Ended(TaskStatus.ERROR, "could not start a process: " + e.getMessage(), OptionalInt.empty(), List.of());
        }
    }

    /** Only from image-building containers, as the contract says. */
    Optional<String> digest() {
        return started.values().stream().filter(r -> r.spec().capabilities().contains(ContainerSpec.Capability.DOCKER_ENGINE))
                .map(r -> r.output().digest()).flatMap(Optional::stream).reduce((a, b) -> b);
    }

    void killAll() {
        for (Running r : started.values()) {
            // Parent first, so a shell cannot run its next command when its child dies; the
            // children are listed before, as they are nobody's descendants once it is gone.
            List<ProcessHandle> children = r.process().descendants().toList();
            r.process().destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
        for (Running r : started.values()) {
            try {
                r.process().waitFor(5, TimeUnit.SECONDS);
                r.output().join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Running start(ContainerSpec c) throws IOException, StopException {
        List<String> command = new ArrayList<>(c.entrypoint());
        command.addAll(c.command());
        if (command.isEmpty()) {
            throw new StopException(new Ended(TaskStatus.ERROR, "container " + c.name() + " has no entrypoint or command; "
                    + "the process runner cannot run an image's default", OptionalInt.empty(), List.of()));
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(workspace.toFile());
        pb.environment().putAll(c.env());
        c.secretEnv().forEach(name -> pb.environment().put(name, secrets.get(name)));
        Process process = pb.start();
        live.add(process.toHandle());
        process.getOutputStream().close();
        Output output = new Output(c.name());
        output.follow(process.getInputStream(), LogLine.Stream.STDOUT);
        output.follow(process.getErrorStream(), LogLine.Stream.STDERR);
        Running r = new Running(c, process, output);
        started.put(c.name(), r);
        return r;
    }

    private Optional<Ended> awaitDependencies(ContainerSpec c) throws StopException, IOException {
        for (Dependency d : c.dependsOn()) {
            Running dep = started.get(d.container());
            if (dep == null) {
                return Optional.of(new Ended(TaskStatus.FAILED, "container " + c.name() + " did not start: " + d.container()
                        + ", which it depends on, never started", OptionalInt.empty(), List.of()));
            }
            switch (d.condition()) {
                case START -> { }
                case COMPLETE, SUCCESS -> {
                    while (dep.process().isAlive()) {
                        tick();
                    }
                    dep.output().join();
                    int code = dep.process().exitValue();
                    if (d.condition() == ContainerSpec.Condition.SUCCESS && code != 0) {
                        return Optional.of(new Ended(TaskStatus.FAILED, "container " + c.name() + " did not start: container "
                                + d.container() + " exited with code " + code + " and " + c.name() + " needs it to succeed",
                                OptionalInt.of(code), dep.output().lastLines()));
                    }
                }
                case HEALTHY -> awaitHealthy(dep);
            }
        }
        return Optional.empty();
    }

    private void awaitHealthy(Running dep) throws StopException, IOException {
        ContainerSpec.HealthCheck check = dep.spec().healthCheck().orElseThrow();
        Instant countFrom = clock.instant().plus(check.startPeriod());
        int failures = 0;
        String lastOutput = "";
        while (true) {
            if (!dep.process().isAlive()) {
                throw new StopException(new Ended(TaskStatus.ERROR, "service " + dep.spec().name() + " exited with code "
                        + dep.process().exitValue() + " before it became healthy; see its output above", OptionalInt.empty(),
                        dep.output().lastLines()));
            }
            Process probe = new ProcessBuilder(check.command()).directory(workspace.toFile()).redirectErrorStream(true).start();
            try {
                boolean done = probe.waitFor(check.timeout().toMillis(), TimeUnit.MILLISECONDS);
                lastOutput = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (done && probe.exitValue() == 0) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StopException(new Ended(TaskStatus.CANCELLED, "interrupted", OptionalInt.empty(), List.of()));
            } finally {
                probe.destroyForcibly();
            }
            if (clock.instant().isAfter(countFrom) && ++failures >= check.retries()) {
                throw new StopException(new Ended(TaskStatus.ERROR, "service " + dep.spec().name() + " never became healthy"
                        + " (last check: " + lastOutput + "); check its image, command and health_check in .slipway.yml",
                        OptionalInt.empty(), dep.output().lastLines()));
            }
            Instant next = clock.instant().plus(check.interval());
            while (clock.instant().isBefore(next)) {
                tick();
            }
        }
    }

    private void awaitEssentials() throws StopException {
        while (true) {
            boolean running = false;
            for (Running r : started.values()) {
                if (!r.spec().essential()) {
                    continue;
                }
                if (r.process().isAlive()) {
                    running = true;
                } else if (r.process().exitValue() != 0) {
                    r.output().join();
                    int code = r.process().exitValue();
                    throw new StopException(new Ended(TaskStatus.FAILED, "container " + r.spec().name() + " exited with code "
                            + code, OptionalInt.of(code), r.output().lastLines()));
                }
            }
            if (!running) {
                started.values().stream().filter(r -> r.spec().essential()).forEach(r -> r.output().join());
                return;
            }
            tick();
        }
    }

    private void tick() throws StopException {
        try {
            if (cancelled.await(TICK_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new StopException(new Ended(TaskStatus.CANCELLED, "cancelled: " + cancel.reason(), OptionalInt.empty(),
                        List.of()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StopException(new Ended(TaskStatus.CANCELLED, "the runner thread was interrupted", OptionalInt.empty(),
                    List.of()));
        }
        if (clock.instant().isAfter(deadline)) {
            throw new StopException(new Ended(TaskStatus.TIMED_OUT, "stage " + spec.stage() + " ran longer than its timeout of "
                    + spec.timeout() + " and was stopped; raise `timeout` for it in .slipway.yml", OptionalInt.empty(), List.of()));
        }
    }

    /** Reader threads of one process, with its last lines and digest marker. */
    private final class Output {
        private final String container;
        private final Deque<String> last = new ArrayDeque<>();
        private final List<Thread> readers = new ArrayList<>();
        private volatile String digest;

        Output(String container) {
            this.container = container;
        }

        void follow(InputStream in, LogLine.Stream stream) {
            Thread t = new Thread(() -> pump(in, stream), "process-task-" + container + "-" + stream);
            t.setDaemon(true);
            readers.add(t);
            t.start();
        }

        private void pump(InputStream in, LogLine.Stream stream) {
            MaskedLines lines = new MaskedLines(masker, text -> emit(stream, text),
                    raw -> TaskOutputs.digestIn(raw).ifPresent(d -> digest = d));
            byte[] buffer = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    lines.accept(buffer, 0, n);
                }
            } catch (IOException e) {
                // The process was killed: its pipe closed under the reader.
            }
            lines.finish();
        }

        private synchronized void emit(LogLine.Stream stream, String text) {
            last.addLast(text);
            while (last.size() > KEEP) {
                last.removeFirst();
            }
            sink.accept(new LogLine(clock.instant(), container, stream, text));
        }

        synchronized List<String> lastLines() {
            return List.copyOf(last);
        }

        Optional<String> digest() {
            return Optional.ofNullable(digest);
        }

        void join() {
            for (Thread t : readers) {
                try {
                    t.join(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
