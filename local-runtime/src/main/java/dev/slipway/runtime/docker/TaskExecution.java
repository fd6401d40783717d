package dev.slipway.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse.ContainerState;
import dev.slipway.core.task.ContainerSpec;
import dev.slipway.core.task.ContainerSpec.Dependency;
import dev.slipway.core.task.LogLine;
import dev.slipway.core.task.TaskStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One run of one task: starts containers as their dependencies allow, watches them, and ends by
 * returning (all essential containers exited 0) or throwing {@link TaskEndedException}.
 * Waiting is polling of container state, every tick also checking cancel and the deadline.
 */
final class TaskExecution {

    /** A started container. */
    record Started(ContainerSpec spec, String id, LogPump logs) {
    }

    private final DockerClient docker;
    private final ContainerFactory factory;
    private final DockerTaskRunnerConfig config;
    private final Map<String, String> secrets;
    private final Consumer<LogLine> sink;
    private final LogPumps pumps;
    private final CountDownLatch cancelled;
    private final Instant deadline;
    private final String timeoutText;
    private final Map<String, Started> started = new LinkedHashMap<>();
    private final Clock clock;

    TaskExecution(DockerClient docker, ContainerFactory factory, DockerTaskRunnerConfig config, Map<String, String> secrets,
            Consumer<LogLine> sink, LogPumps pumps, CountDownLatch cancelled, Instant deadline, String timeoutText) {
        this.docker = docker;
        this.factory = factory;
        this.config = config;
        this.secrets = secrets;
        this.sink = sink;
        this.pumps = pumps;
        this.cancelled = cancelled;
        this.deadline = deadline;
        this.timeoutText = timeoutText;
        this.clock = config.clock();
    }

    Map<String, Started> started() {
        return started;
    }

    /** Runs the containers; returns the essential container that finished last. */
    Started execute(List<ContainerSpec> containers) throws TaskEndedException {
        factory.createVolume();
        String sandbox = factory.startSandbox();
        Started last = null;
        for (ContainerSpec c : containers) {
            Optional<TaskEndedException> blocked = awaitDependencies(c);
            if (blocked.isPresent()) {
                if (c.essential()) {
                    throw blocked.get();
                }
                sink.accept(runnerLine(c.name(), "not started: " + blocked.get().getMessage()));
                continue;
            }
            Started s = start(c, sandbox);
            if (c.essential()) {
                last = s;
            }
        }
        awaitEssentials();
        return last;
    }

    private Started start(ContainerSpec c, String sandbox) {
        String id = factory.create(c, sandbox, secrets);
        docker.startContainerCmd(id).exec();
        // Following after the start still delivers everything: Docker keeps output from the start.
        LogPump pump = pumps.follow(c.name(), id);
        Started s = new Started(c, id, pump);
        started.put(c.name(), s);
        return s;
    }

    /** Empty when every dependency holds; the reason the container can never start otherwise. */
    private Optional<TaskEndedException> awaitDependencies(ContainerSpec c) throws TaskEndedException {
        for (Dependency d : c.dependsOn()) {
            Started dep = started.get(d.container());
            if (dep == null) {
                return Optional.of(TaskEndedException.of(TaskStatus.FAILED,
                        "container " + c.name() + " did not start: " + d.container() + ", which it depends on, never started"));
            }
            Optional<TaskEndedException> blocked = switch (d.condition()) {
                case START -> Optional.empty();
                case COMPLETE, SUCCESS -> awaitExit(c, dep, d.condition() == ContainerSpec.Condition.SUCCESS);
                case HEALTHY -> awaitHealthy(dep);
            };
            if (blocked.isPresent()) {
                return blocked;
            }
        }
        return Optional.empty();
    }

    private Optional<TaskEndedException> awaitExit(ContainerSpec c, Started dep, boolean needSuccess) throws TaskEndedException {
        while (true) {
            ContainerState state = state(dep);
            if ("exited".equals(state.getStatus()) || "dead".equals(state.getStatus())) {
                int code = exitCode(state);
                if (!needSuccess || code == 0) {
                    return Optional.empty();
                }
                List<String> lines = lines(dep);
                String reason = (dep.spec().essential() || !c.essential()
                        ? exitedText(dep.spec().name(), code)
                        : "container " + c.name() + " did not start: " + exitedText(dep.spec().name(), code) + " and "
                                + c.name() + " needs it to succeed") + lastLineText(lines);
                return Optional.of(new TaskEndedException(TaskStatus.FAILED, reason, OptionalInt.of(code), lines));
            }
            tick();
        }
    }

    private Optional<TaskEndedException> awaitHealthy(Started dep) throws TaskEndedException {
        String name = dep.spec().name();
        Instant giveUp = clock.instant().plus(dep.spec().healthCheck().orElseThrow().patience());
        while (true) {
            ContainerState state = state(dep);
            String health = state.getHealth() == null ? "" : state.getHealth().getStatus();
            if ("healthy".equals(health)) {
                return Optional.empty();
            }
            if (!Boolean.TRUE.equals(state.getRunning())) {
                throw new TaskEndedException(TaskStatus.ERROR, "service " + name + " exited with code " + exitCode(state)
                        + " before it became healthy; see its output above", OptionalInt.empty(), lines(dep));
            }
            if ("unhealthy".equals(health) || clock.instant().isAfter(giveUp)) {
                throw new TaskEndedException(TaskStatus.ERROR, "service " + name + " never became healthy"
                        + lastCheck(state) + "; check its image, command and health_check in .slipway.yml",
                        OptionalInt.empty(), lines(dep));
            }
            tick();
        }
    }

    /** Until every started essential container has exited; the first non-zero exit ends the task. */
    private void awaitEssentials() throws TaskEndedException {
        while (true) {
            boolean running = false;
            for (Started s : started.values()) {
                if (!s.spec().essential()) {
                    continue;
                }
                ContainerState state = state(s);
                if (Boolean.TRUE.equals(state.getRunning())) {
                    running = true;
                } else if (exitCode(state) != 0) {
                    List<String> lines = lines(s);
                    throw new TaskEndedException(TaskStatus.FAILED, exitedText(s.spec().name(), exitCode(state))
                            + oomText(state) + lastLineText(lines), OptionalInt.of(exitCode(state)), lines);
                }
            }
            if (!running) {
                return;
            }
            tick();
        }
    }

    /** Waits one poll interval; ends the task on cancel or timeout. */
    private void tick() throws TaskEndedException {
        try {
            if (cancelled.await(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                throw TaskEndedException.of(TaskStatus.CANCELLED, "cancelled");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TaskEndedException.of(TaskStatus.CANCELLED, "the runner thread was interrupted");
        }
        if (clock.instant().isAfter(deadline)) {
            throw TaskEndedException.of(TaskStatus.TIMED_OUT, timeoutText);
        }
    }

    private ContainerState state(Started s) {
        return docker.inspectContainerCmd(s.id()).exec().getState();
    }

    private List<String> lines(Started s) {
        pumps.drain(s.logs());
        return s.logs().lastLines();
    }

    private static int exitCode(ContainerState state) {
        Long code = state.getExitCodeLong();
        return code == null ? -1 : code.intValue();
    }

    private static String exitedText(String container, int code) {
        return "container " + container + " exited with code " + code;
    }

    /** The last line usually names the cause ("slipway-builder: commit ... does not exist"). */
    private static String lastLineText(List<String> lines) {
        return lines.isEmpty() ? "" : "; its last line: " + lines.get(lines.size() - 1);
    }

    private static String oomText(ContainerState state) {
        return Boolean.TRUE.equals(state.getOOMKilled())
                ? " after it ran out of memory; raise resources.memory in .slipway.yml" : "";
    }

    private static String lastCheck(ContainerState state) {
        if (state.getHealth() == null || state.getHealth().getLog() == null || state.getHealth().getLog().isEmpty()) {
            return " (no health check finished)";
        }
        List<HealthStateLog> log = state.getHealth().getLog();
        HealthStateLog last = log.get(log.size() - 1);
        return " (last check exited " + last.getExitCodeLong() + ": " + last.getOutput().strip() + ")";
    }

    private LogLine runnerLine(String container, String text) {
        return new LogLine(clock.instant(), container, LogLine.Stream.RUNNER, text);
    }
}
