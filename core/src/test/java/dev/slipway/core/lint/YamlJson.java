package dev.slipway.core.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A pipeline file as JSON, the way an editor's YAML language server hands it to the JSON Schema:
 * composed with the loader's own safe settings, scalars typed by YAML's resolver, merge keys
 * applied, keys always text (so {@code on} stays "on").
 */
final class YamlJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private YamlJson() {
    }

    /** Empty when the text is not a YAML document that can be read safely (syntax, limits, recursion). */
    static Optional<JsonNode> of(String text) {
        Problems problems = new Problems("x");
        return YamlSource.compose(text, problems)
                .filter(root -> TreeCheck.check(root, problems))
                .map(YamlJson::convert);
    }

    private static JsonNode convert(Node node) {
        if (node instanceof MappingNode mapping) {
            ObjectNode object = JSON.objectNode();
            fill(object, mapping);
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = JSON.arrayNode();
            sequence.getValue().forEach(item -> array.add(convert(item)));
            return array;
        }
        return scalar((ScalarNode) node);
    }

    /** Explicit keys first, then merged mappings in order; the first value of a key wins. */
    private static void fill(ObjectNode object, MappingNode mapping) {
        List<Node> merges = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode().getTag() == Tag.MERGE) {
                merges.add(tuple.getValueNode());
            } else {
                String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                if (!object.has(key)) {
                    object.set(key, convert(tuple.getValueNode()));
                }
            }
        }
        for (Node merged : merges) {
            List<Node> sources = merged instanceof SequenceNode seq ? seq.getValue() : List.of(merged);
            sources.stream().filter(MappingNode.class::isInstance).forEach(m -> fill(object, (MappingNode) m));
        }
    }

    private static JsonNode scalar(ScalarNode scalar) {
        String value = scalar.getValue();
        Tag tag = scalar.getTag();
        if (tag == Tag.NULL) {
            return JSON.nullNode();
        }
        if (tag == Tag.BOOL) {
            return JSON.booleanNode(value.matches("(?i)true|yes|on"));
        }
        if (tag == Tag.INT && value.matches("[-+]?[0-9]{1,18}")) {
            return JSON.numberNode(Long.parseLong(value));
        }
        if (tag == Tag.FLOAT && value.matches("[-+]?([0-9][0-9_]*)?\\.?[0-9_]*([eE][-+]?[0-9]+)?")) {
            return JSON.numberNode(Double.parseDouble(value.replace("_", "")));
        }
        return JSON.textNode(value);
    }
}
