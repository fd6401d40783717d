package dev.slipway.core.lint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A mapping being read. Keys outside the allowed set are reported once, as {@code unknown-key}
 * with the nearest valid key; merge keys ({@code <<: *defaults}) are applied, explicit keys
 * winning. Typed getters report wrong types and return empty.
 */
final class MappingReader {

    /** One key of the mapping, with the nodes that carry its positions. */
    record Entry(String key, Node keyNode, Node value) {
    }

    /**
     * Top-level keys starting with {@code x-} are ignored, as in Compose files, so that a file can
     * hold anchors ({@code x-defaults: &defaults}) to merge into stages.
     */
    static final String EXTENSION_PREFIX = "x-";

    private final MappingNode node;
    private final String path;
    private final Problems problems;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    /** Keys that an unknown key was probably meant to be: not reported again as missing. */
    private final Set<String> misspelled = new HashSet<>();

    private MappingReader(MappingNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /**
     * Reads {@code node} as a mapping whose keys must be among {@code allowedKeys}, or whose keys
     * may be anything when {@code allowedKeys} is null (names of environments, services, variables).
     */
    static Optional<MappingReader> read(Node node, String path, Problems problems, Collection<String> allowedKeys) {
        if (!(node instanceof MappingNode mapping)) {
            Values.wrongType(node, path, problems, "a mapping", null);
            return Optional.empty();
        }
        MappingReader reader = new MappingReader(mapping, path, problems);
        reader.collect(mapping, allowedKeys);
        return Optional.of(reader);
    }

    private void collect(MappingNode mapping, Collection<String> allowedKeys) {
        List<Node> merges = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (keyNode.getTag() == Tag.MERGE) {
                merges.add(tuple.getValueNode());
            } else if (!(keyNode instanceof ScalarNode scalar) || scalar.getTag() == Tag.NULL) {
                problems.error(keyNode, path, "wrong-type", "keys in " + Problems.where(path)
                        + " must be strings, but one is " + Values.describe(keyNode), "write the key as plain text");
            } else if (path.isEmpty() && scalar.getValue().startsWith(EXTENSION_PREFIX)) {
                continue;
            } else if (allowedKeys != null && !allowedKeys.contains(scalar.getValue())) {
                unknownKey(scalar, allowedKeys);
            } else {
                entries.putIfAbsent(scalar.getValue(), new Entry(scalar.getValue(), keyNode, tuple.getValueNode()));
            }
        }
        for (Node merged : merges) {
            merge(merged, allowedKeys);
        }
    }

    /** YAML merge keys: {@code <<: *a} or {@code <<: [*a, *b]}, earlier mappings winning. */
    private void merge(Node merged, Collection<String> allowedKeys) {
        List<Node> sources = merged instanceof SequenceNode seq ? seq.getValue() : List.of(merged);
        for (Node source : sources) {
            if (source instanceof MappingNode mapping) {
                collect(mapping, allowedKeys);
            } else {
                Values.wrongType(source, path, problems, "a mapping to merge (`<<: *anchor`)", null);
            }
        }
    }

    private void unknownKey(ScalarNode key, Collection<String> allowedKeys) {
        String keyPath = Problems.child(path, key.getValue());
        Optional<String> nearest = Suggestions.nearest(key.getValue(), allowedKeys);
        nearest.ifPresent(misspelled::add);
        String hint = nearest.map(s -> "did you mean `" + s + "`?")
                .orElse("valid keys here: " + String.join(", ", allowedKeys));
        problems.error(key, keyPath, "unknown-key",
                "unknown key `" + key.getValue() + "` in " + Problems.where(path), hint);
    }

    MappingNode node() {
        return node;
    }

    String path() {
        return path;
    }

    Problems problems() {
        return problems;
    }

    String pathOf(String key) {
        return Problems.child(path, key);
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Collection<Entry> entries() {
        return entries.values();
    }

    Optional<Entry> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    Optional<Node> value(String key) {
        return entry(key).map(Entry::value);
    }

    /**
     * Reports a required key that is absent, at the start of this mapping, unless an unknown key
     * was already reported as its likely misspelling.
     */
    void missing(String key, String code, String message, String hint) {
        if (!misspelled.contains(key)) {
            problems.error(node, pathOf(key), code, message, hint);
        }
    }

    void requireKey(String key, String hint) {
        if (!has(key)) {
            missing(key, "missing-key", Problems.where(path) + " needs `" + key + "`", hint);
        }
    }

    <T> Optional<T> get(String key, ValueReader<T> reader) {
        return value(key).flatMap(v -> reader.read(v, pathOf(key), problems));
    }

    Optional<String> string(String key) {
        return get(key, Values::string);
    }

    Optional<Boolean> bool(String key) {
        return get(key, Values::bool);
    }

    Optional<List<String>> strings(String key) {
        return get(key, Values::strings);
    }

    Optional<List<String>> words(String key) {
        return get(key, Values::words);
    }

    Optional<Duration> duration(String key, boolean zeroAllowed) {
        return get(key, (v, p, pr) -> Formats.duration(v, p, pr, zeroAllowed));
    }

    /** A whole number in [min, max]; out of range is an {@code invalid-value} problem. */
    Optional<Long> integer(String key, long min, long max) {
        return get(key, (v, p, pr) -> Values.integer(v, p, pr).filter(n -> {
            if (n >= min && n <= max) {
                return true;
            }
            pr.error(v, p, "invalid-value", "`" + p + "` is " + n + ", outside " + min + " to " + max,
                    "use a value from " + min + " to " + max);
            return false;
        }));
    }

    Optional<MappingReader> mapping(String key, Collection<String> allowedKeys) {
        return value(key).flatMap(v -> read(v, pathOf(key), problems, allowedKeys));
    }

    /** Reads every item of the list under {@code key}, each with its indexed path. */
    <T> Optional<List<T>> listOf(String key, ValueReader<T> itemReader) {
        return get(key, Values::list).map(items -> {
            List<T> values = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                itemReader.read(items.get(i), Problems.index(pathOf(key), i), problems).ifPresent(values::add);
            }
            return values;
        });
    }

    /** Map of the entries' values read with {@code reader}, in file order. */
    <T> Map<String, T> valuesOf(Function<Entry, Optional<T>> reader) {
        return entries.values().stream()
                .flatMap(e -> reader.apply(e).map(v -> Map.entry(e.key(), v)).stream())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** Reads one node at one path, reporting problems; the shape of every typed getter. */
    @FunctionalInterface
    interface ValueReader<T> {
        Optional<T> read(Node node, String path, Problems problems);
    }
}
