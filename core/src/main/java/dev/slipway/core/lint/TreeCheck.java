package dev.slipway.core.lint;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Checks on the raw node tree before it is read as a pipeline: recursive aliases, documents that
 * aliases blow up, duplicate keys, tags other than YAML's standard ones, and token-shaped secrets
 * anywhere. Every distinct node is checked once, even when aliases reach it several times.
 */
final class TreeCheck {

    /** More values than any real pipeline file; an alias bomb below the alias limit stops here. */
    static final long MAX_EXPANDED_NODES = 100_000;

    static final Set<Tag> STANDARD_TAGS = Set.of(
            Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.SEQ, Tag.MAP, Tag.TIMESTAMP, Tag.MERGE);

    private final Problems problems;
    private final Map<Node, Long> expandedSize = new IdentityHashMap<>();
    private final Set<Node> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean recursive;

    private TreeCheck(Problems problems) {
        this.problems = problems;
    }

    /** False when the tree must not be read further (recursive or too large once expanded). */
    static boolean check(Node root, Problems problems) {
        TreeCheck check = new TreeCheck(problems);
        long size = check.visit(root, "");
        if (check.recursive) {
            return false;
        }
        if (size > MAX_EXPANDED_NODES) {
            problems.error(root, "", "yaml-limit",
                    "through its aliases the document expands to more than " + MAX_EXPANDED_NODES + " values",
                    "use fewer `*alias` references; a pipeline file needs only a few");
            return false;
        }
        return true;
    }

    /** The number of nodes under {@code node} with aliases expanded, memoized per node. */
    private long visit(Node node, String path) {
        Long known = expandedSize.get(node);
        if (known != null) {
            return known;
        }
        if (!onPath.add(node)) {
            if (!recursive) {
                problems.error(node, path, "recursive-alias", "an alias refers to a node that contains it",
                        "YAML aliases must not refer to their own ancestors; copy the values instead");
            }
            recursive = true;
            return 0;
        }
        checkTag(node, path);
        long size = 1 + switch (node.getNodeId()) {
            case mapping -> visitMapping((MappingNode) node, path);
            case sequence -> visitSequence((SequenceNode) node, path);
            default -> checkScalar((ScalarNode) node, path);
        };
        onPath.remove(node);
        expandedSize.put(node, Math.min(size, MAX_EXPANDED_NODES + 1));
        return expandedSize.get(node);
    }

    private long visitMapping(MappingNode mapping, String path) {
        Map<String, Node> seen = new HashMap<>();
        long size = 0;
        for (NodeTuple tuple : mapping.getValue()) {
            Node key = tuple.getKeyNode();
            String childPath = path;
            if (key instanceof ScalarNode scalar && key.getTag() != Tag.MERGE) {
                childPath = Problems.child(path, scalar.getValue());
                Node first = seen.putIfAbsent(scalar.getValue(), key);
                if (first != null) {
                    problems.error(key, childPath, "duplicate-key", "duplicate key `" + scalar.getValue()
                            + "` (first at line " + (first.getStartMark().getLine() + 1) + ", column "
                            + (first.getStartMark().getColumn() + 1) + ")",
                            "remove one of the two: YAML keeps only one value per key");
                }
            }
            size += visit(key, childPath) + visit(tuple.getValueNode(), childPath);
        }
        return size;
    }

    private long visitSequence(SequenceNode sequence, String path) {
        long size = 0;
        for (int i = 0; i < sequence.getValue().size(); i++) {
            size += visit(sequence.getValue().get(i), Problems.index(path, i));
        }
        return size;
    }

    private long checkScalar(ScalarNode scalar, String path) {
        SecretPatterns.tokenShape(scalar.getValue()).ifPresent(kind -> problems.error(scalar, path,
                "inline-secret", "this value contains what looks like " + kind,
                "remove it from the file and revoke it; store it in the secret store and list its name"
                        + " under `secrets:`"));
        return 0;
    }

    private void checkTag(Node node, String path) {
        if (!STANDARD_TAGS.contains(node.getTag())) {
            problems.error(node, path, "unsupported-tag", "the tag `" + node.getTag().getValue()
                    + "` is not allowed: Slipway reads plain YAML values only",
                    "remove the tag; write the value as plain text, a number, a list or a mapping");
        }
    }
}
