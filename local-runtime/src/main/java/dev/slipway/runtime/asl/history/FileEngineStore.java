package dev.slipway.runtime.asl.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * State machines and executions on disk under a data directory:
 * <pre>
 *   state-machines/NAME.json                  one file per state machine (replaced atomically)
 *   executions/ID/execution.json              how the execution was started
 *   executions/ID/history.jsonl               one event per line, appended as it happens
 * </pre>
 * Fsync policy: every event is written to the OS before {@link #append} returns, so a killed process
 * (kill -9) loses nothing. The file is forced to the device (fsync) at the events that matter most
 * after a power loss: execution start, a task parked on a token, and the execution's end; events in
 * between may be lost by a power cut, never by a crash. A torn last line is ignored on load.
 */
public final class FileEngineStore implements EngineStore, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_OPEN_FILES = 128;
    private final Path machines;
    private final Path executions;
    /**
     * Open history files, least recently used first: thousands of executions may wait at once, and
     * keeping a descriptor for each would run into the process's open-file limit.
     */
    private final Map<String, FileChannel> open = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FileChannel> eldest) {
            if (size() <= MAX_OPEN_FILES) {
                return false;
            }
            closeQuietly(eldest.getValue());
            return true;
        }
    };

    /**
     * Set by {@link #close}, under the lock of {@link #open}. Work still in flight when the engine
     * stops (a stage cancelled because the process is stopping) must not reach the journal: its end
     * is not the execution's, and the next start resumes the execution from what was recorded.
     */
    private boolean closed;

    public FileEngineStore(Path dataDir) {
        this.machines = dataDir.resolve("state-machines");
        this.executions = dataDir.resolve("executions");
        try {
            Files.createDirectories(machines);
            Files.createDirectories(executions);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the engine data directory " + dataDir
                    + ": check that it is writable, or pass another with --data", e);
        }
    }

    @Override
    public void saveStateMachine(StateMachineRecord record) {
        ObjectNode node = JSON.createObjectNode();
        node.put("arn", record.arn());
        node.put("name", record.name());
        node.put("definition", record.definition());
        node.put("roleArn", record.roleArn());
        node.put("type", record.type());
        node.put("creationDate", record.creationDate().toString());
        node.put("revision", record.revision());
        writeAtomically(machines.resolve(record.name() + ".json"), node);
    }

    @Override
    public void deleteStateMachine(String arn) {
        try {
            Files.deleteIfExists(machines.resolve(arn.substring(arn.lastIndexOf(':') + 1) + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<StateMachineRecord> loadStateMachines() {
        List<StateMachineRecord> all = new ArrayList<>();
        for (Path file : list(machines)) {
            JsonNode n = read(file);
            all.add(new StateMachineRecord(n.get("arn").asText(), n.get("name").asText(), n.get("definition").asText(),
                    n.path("roleArn").isNull() ? null : n.path("roleArn").asText(null), n.get("type").asText(),
                    Instant.parse(n.get("creationDate").asText()), n.get("revision").asLong()));
        }
        return all;
    }

    @Override
    public void createExecution(ExecutionRecord record) {
        ObjectNode node = JSON.createObjectNode();
        node.put("executionArn", record.executionArn());
        node.put("stateMachineArn", record.stateMachineArn());
        node.put("name", record.name());
        node.set("definition", record.definition());
        node.put("input", record.input());
        node.put("startDate", record.startDate().toString());
        node.put("redriveCount", record.redriveCount());
        Path dir = executions.resolve(id(record.executionArn()));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeAtomically(dir.resolve("execution.json"), node);
    }

    @Override
    public void append(String executionArn, HistoryEvent event) {
        ObjectNode line = JSON.createObjectNode();
        line.put("id", event.id());
        line.put("previousEventId", event.previousEventId());
        line.put("timestamp", event.timestamp().toString());
        line.put("type", event.type().name());
        line.set("details", event.details());
        line.put("scope", event.scope());
        line.put("internal", event.internal());
        try {
            byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
            HistoryEventType type = event.type();
            boolean parked = type == HistoryEventType.TaskScheduled && event.internal() != null;
            synchronized (open) {
                if (closed) {
                    throw new IllegalStateException("the engine has stopped: event " + event.id() + " (" + type
                            + ") of " + executionArn + " is not recorded; the execution resumes from its history at the next start");
                }
                FileChannel channel = open.computeIfAbsent(executionArn, this::openHistory);
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (type == HistoryEventType.ExecutionStarted || parked || type.closesExecution()) {
                    channel.force(false);
                }
                if (type.closesExecution()) {
                    open.remove(executionArn).close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record event " + event.id() + " of " + executionArn
                    + " under " + executions + ": is the disk full or read-only?", e);
        }
    }

    private FileChannel openHistory(String executionArn) {
        try {
            return FileChannel.open(executions.resolve(id(executionArn)).resolve("history.jsonl"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<StoredExecution> loadExecutions() {
        List<StoredExecution> all = new ArrayList<>();
        for (Path dir : list(executions)) {
            Path recordFile = dir.resolve("execution.json");
            if (!Files.exists(recordFile)) {
                continue;
            }
            JsonNode n = read(recordFile);
            ExecutionRecord record = new ExecutionRecord(n.get("executionArn").asText(), n.get("stateMachineArn").asText(),
                    n.get("name").asText(), n.get("definition"), n.get("input").asText(),
                    Instant.parse(n.get("startDate").asText()), n.path("redriveCount").asInt());
            all.add(new StoredExecution(record, events(dir.resolve("history.jsonl"))));
        }
        all.sort((a, b) -> a.record().startDate().compareTo(b.record().startDate()));
        return all;
    }

    private static List<HistoryEvent> events(Path file) {
        List<HistoryEvent> events = new ArrayList<>();
        if (!Files.exists(file)) {
            return events;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                JsonNode n;
                try {
                    n = JSON.readTree(line);
                } catch (IOException torn) {
                    break;
                }
                if (n == null || !n.has("type") || n.get("id").asLong() != events.size() + 1) {
                    break;
                }
                events.add(new HistoryEvent(n.get("id").asLong(), n.get("previousEventId").asLong(),
                        Instant.parse(n.get("timestamp").asText()), HistoryEventType.valueOf(n.get("type").asText()),
                        (ObjectNode) n.get("details"), n.get("scope").asText(),
                        n.get("internal").isNull() ? null : n.get("internal").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read history " + file, e);
        }
        return events;
    }

    private static String id(String executionArn) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(executionArn.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeAtomically(Path target, JsonNode node) {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(JSON.writeValueAsBytes(node)));
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            moveReplacing(temp, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    private static void moveReplacing(Path temp, Path target) {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> !p.getFileName().toString().endsWith(".tmp")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": it may be damaged; move it aside to start without it", e);
        }
    }

    @Override
    public void close() {
        synchronized (open) {
            closed = true;
            open.values().forEach(FileEngineStore::closeQuietly);
            open.clear();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Best effort: every event was already written when append returned.
        }
    }
}
