package dev.slipway.runtime.queue;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.build.BuildQueue;
import dev.slipway.core.build.BuildRequest;
import dev.slipway.core.build.PipelineExecutions;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.runtime.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The build queue of {@code slipway up}, made to survive a kill -9: ElasticMQ keeps messages in
 * memory, so every request is also written to {@code <directory>/<build id>.json} (forced to disk)
 * before it is queued, that is before the webhook is answered. The entry is dropped once the build's
 * execution has started ({@link #forgettingOnStart}); at the next start {@link #replay} queues again
 * what had not been dispatched. Dispatch is idempotent per build id, so a request queued twice still
 * makes one build with one execution.
 */
public final class JournaledBuildQueue implements BuildQueue {

    private static final System.Logger LOG = System.getLogger(JournaledBuildQueue.class.getName());
    private static final String SUFFIX = ".json";

    private final BuildQueue queue;
    private final Path directory;

    public JournaledBuildQueue(BuildQueue queue, Path directory) {
        this.queue = queue;
        this.directory = AtomicFiles.directory(directory, "the build queue journal");
    }

    @Override
    public void enqueue(BuildRequest request) {
        Path entry = entry(request.id());
        AtomicFiles.write(entry, SlipwayJson.write(request), "the queued build");
        try {
            queue.enqueue(request);
        } catch (RuntimeException e) {
            // Not queued: the caller answers with an error and the sender tries again; nothing to replay.
            delete(entry);
            throw e;
        }
    }

    /** The build's request is no longer needed: its execution has started. */
    public void forget(BuildId build) {
        delete(entry(build));
    }

    /**
     * At start, before any new request: queues again every journaled request whose build was not
     * {@code dispatched}, and forgets the others. Returns the builds queued again.
     */
    public List<BuildId> replay(Predicate<BuildId> dispatched) {
        List<BuildId> queued = new ArrayList<>();
        for (Path file : entries()) {
            BuildRequest request;
            try {
                request = SlipwayJson.read(Files.readString(file), BuildRequest.class);
            } catch (IOException | RuntimeException e) {
                setAside(file, e);
                continue;
            }
            if (dispatched.test(request.id())) {
                delete(file);
            } else {
                queue.enqueue(request);
                queued.add(request.id());
            }
        }
        return queued;
    }

    /** {@code executions}, forgetting each build's request once its execution has started. */
    public PipelineExecutions forgettingOnStart(PipelineExecutions executions) {
        return new PipelineExecutions() {
            @Override
            public StartResult start(BuildId build, String input) {
                StartResult started = executions.start(build, input);
                forget(build);
                return started;
            }

            @Override
            public void stop(BuildId build, String cause) {
                executions.stop(build, cause);
            }
        };
    }

    private List<Path> entries() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the build queue journal " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Kept for a person to look at, out of the way of the next start. */
    private static void setAside(Path file, Exception cause) {
        Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
        LOG.log(System.Logger.Level.WARNING, "The queued build " + file + " cannot be read (" + cause.getMessage()
                + "); moved to " + aside + ". Push again (or redeliver the webhook) to build that commit.");
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move the unreadable queued build " + file + " aside", e);
        }
    }

    private Path entry(BuildId build) {
        // Build ids are letters, digits, '_' and '-' only (BuildId), so they are safe file names.
        return directory.resolve(build.value() + SUFFIX);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + file + " from the build queue journal", e);
        }
    }
}
