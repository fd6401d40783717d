package dev.slipway.testkit.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * template.yaml read for tests: CloudFormation's short forms ({@code !Ref}, {@code !Sub},
 * {@code !GetAtt} ...) become plain values (a scalar's text, else the tag's name), since tests look
 * at the structure, not at what CloudFormation would resolve.
 */
public final class SamTemplate {

    private final Map<String, Object> root;

    private SamTemplate(Map<String, Object> root) {
        this.root = root;
    }

    public static SamTemplate load(Path file) {
        try {
            return new SamTemplate(new Yaml(new CloudFormationTags()).load(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> section(String name) {
        return (Map<String, Object>) root.get(name);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Object>> resources() {
        return (Map<String, Map<String, Object>>) root.get("Resources");
    }

    /** Every {@code AWS::Serverless::Function}, by logical id, in template order. */
    public Map<String, Map<String, Object>> functions() {
        Map<String, Map<String, Object>> functions = new LinkedHashMap<>();
        resources().forEach((name, resource) -> {
            if ("AWS::Serverless::Function".equals(resource.get("Type"))) {
                functions.put(name, resource);
            }
        });
        return functions;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    private static final class CloudFormationTags extends SafeConstructor {
        CloudFormationTags() {
            super(new LoaderOptions());
            for (String tag : new String[] {"Ref", "Sub", "GetAtt", "Base64", "If", "Equals", "Join", "Select", "Split",
                    "FindInMap", "ImportValue", "GetAZs", "Not", "And", "Or", "Condition"}) {
                yamlConstructors.put(new Tag("!" + tag), new AbstractConstruct() {
                    @Override
                    public Object construct(Node node) {
                        return node instanceof ScalarNode scalar ? scalar.getValue() : tag;
                    }
                });
            }
        }
    }
}
