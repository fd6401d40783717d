package dev.slipway.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import dev.slipway.core.secret.SecretMasker;
import dev.slipway.core.task.LogLine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The log followers of one task. */
final class LogPumps implements AutoCloseable {

    /** After a container exited, Docker ends its log stream at once; this only bounds a stuck stream. */
    private static final long DRAIN_MILLIS = 3000;

    private final DockerClient docker;
    private final SecretMasker masker;
    private final DockerTaskRunnerConfig config;
    private final Consumer<LogLine> sink;
    private final List<LogPump> pumps = new ArrayList<>();

    LogPumps(DockerClient docker, SecretMasker masker, DockerTaskRunnerConfig config, Consumer<LogLine> sink) {
        this.docker = docker;
        this.masker = masker;
        this.config = config;
        this.sink = sink;
    }

    LogPump follow(String container, String id) {
        LogPump pump = new LogPump(container, masker, config.clock(), config.lastLines(), sink);
        docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true).exec(pump);
        pumps.add(pump);
        return pump;
    }

    /** Waits until the pump of an exited container has passed on its last line. */
    void drain(LogPump pump) {
        try {
            pump.awaitCompletion(DRAIN_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void drainAll() {
        pumps.forEach(this::drain);
    }

    @Override
    public void close() {
        for (LogPump pump : pumps) {
            try {
                pump.close();
            } catch (IOException e) {
                // The stream's container is gone; nothing is left to read.
            }
        }
    }
}
