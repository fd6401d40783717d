package dev.slipway.runtime.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.slipway.core.json.SlipwayJson;
import dev.slipway.core.task.ContainerSpec;
import dev.slipway.core.task.TaskDefinitions;
import dev.slipway.core.task.TaskLaunch;
import dev.slipway.core.task.TaskSpec;
import dev.slipway.runtime.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Task definitions on one machine: the compiled {@link TaskSpec}s themselves, under a reference the
 * state machine passes to RunTask. The reference is derived from the spec's content, so equal specs
 * get one reference. With a directory, each spec is also written there (atomically, as
 * {@code <family>.json}) before its reference is handed out: an execution that outlives the process
 * (a stop, a kill -9) still finds the stage it is about to run again. The overrides carry each
 * container's command and environment, as in the cloud, so that {@link DockerEcsTaskPort} runs what
 * RunTask asked for.
 */
public final class LocalTaskDefinitions implements TaskDefinitions {

    private static final String PREFIX = "arn:aws:ecs:local:000000000000:task-definition/";
    /** Slipway's JSON plus Optional (a container's health check); map keys sorted so equal specs hash alike. */
    private static final ObjectMapper JSON = SlipwayJson.mapper().copy().registerModule(new Jdk8Module())
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Map<String, TaskSpec> specs = new ConcurrentHashMap<>();
    private final Path directory;

    /** Kept in memory only: for one process ({@code slipway run}, tests). */
    public LocalTaskDefinitions() {
        this.directory = null;
    }

    /** Kept in {@code directory} too, and found there after a restart. */
    public LocalTaskDefinitions(Path directory) {
        this.directory = AtomicFiles.directory(directory, "the task definition directory");
    }

    @Override
    public TaskLaunch register(TaskSpec spec) {
        String json = json(spec);
        String family = "slipway-local-" + spec.stage().replace('.', '-') + "-" + sha256(json).substring(0, 16);
        String reference = PREFIX + family + ":1";
        if (!specs.containsKey(reference)) {
            if (directory != null) {
                AtomicFiles.write(directory.resolve(family + ".json"), json, "the task definition");
            }
            specs.put(reference, spec);
        }
        return new TaskLaunch(reference, overrides(spec));
    }

    public Optional<TaskSpec> find(String reference) {
        TaskSpec known = specs.get(reference);
        if (known != null || directory == null || !reference.startsWith(PREFIX) || !reference.endsWith(":1")) {
            return Optional.ofNullable(known);
        }
        String family = reference.substring(PREFIX.length(), reference.length() - ":1".length());
        if (!family.matches("slipway-local-[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        Path file = directory.resolve(family + ".json");
        try {
            TaskSpec spec = JSON.readValue(Files.readString(file), TaskSpec.class);
            specs.put(reference, spec);
            return Optional.of(spec);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the task definition " + file + ": " + e.getMessage()
                    + " (remove the file and run the build again)", e);
        }
    }

    private static String json(TaskSpec spec) {
        try {
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the task definition of stage " + spec.stage() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** RunTask's {@code Overrides}, in the Step Functions (PascalCase) form. */
    static Map<String, Object> overrides(TaskSpec spec) {
        List<Map<String, Object>> containers = new ArrayList<>();
        for (ContainerSpec c : spec.containers()) {
            Map<String, Object> override = new LinkedHashMap<>();
            override.put("Name", c.name());
            override.put("Command", c.command());
            List<Map<String, String>> env = new ArrayList<>();
            c.env().forEach((k, v) -> env.add(Map.of("Name", k, "Value", v)));
            override.put("Environment", env);
            containers.add(override);
        }
        return Map.of("ContainerOverrides", containers);
    }
}
