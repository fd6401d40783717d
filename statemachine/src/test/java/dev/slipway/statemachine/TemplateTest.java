package dev.slipway.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** template.yaml and pipeline.asl.json agree with each other and with the code they name. */
class TemplateTest {

    private static final Path TEMPLATE = Path.of("..", "template.yaml");

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> resources() throws IOException {
        Map<String, Object> template = new Yaml(new CloudFormationTags()).load(Files.readString(TEMPLATE));
        return (Map<String, Map<String, Object>>) template.get("Resources");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    @Test
    void everyHandlerNamedInTheTemplateExistsWithItsMethod() throws IOException {
        Map<String, String> handlers = new LinkedHashMap<>();
        resources().forEach((name, resource) -> {
            if ("AWS::Serverless::Function".equals(resource.get("Type"))) {
                handlers.put(name, (String) properties(resource).get("Handler"));
            }
        });

        assertThat(handlers).containsKeys("WebhookFunction", "BotFunction", "DispatchFunction", "ScheduleFunction",
                "PrepareFunction", "RecordFunction", "RequestApprovalFunction", "DeployFunction", "VerifyFunction",
                "RollbackFunction", "NotifyFunction");
        handlers.forEach((function, handler) -> {
            String[] parts = handler.split("::");
            assertThat(parts).as("%s: handler %s is not Class::method", function, handler).hasSize(2);
            Class<?> type;
            try {
                type = Class.forName(parts[0]);
            } catch (ClassNotFoundException e) {
                throw new AssertionError(function + ": handler class " + parts[0] + " does not exist", e);
            }
            assertThat(Arrays.stream(type.getMethods()).map(Method::getName))
                    .as("%s: %s has no public method %s", function, parts[0], parts[1]).contains(parts[1]);
            assertThat(type.getConstructors()).as("%s: Lambda needs a public no-argument constructor of %s", function, type)
                    .anyMatch(c -> c.getParameterCount() == 0);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void everySubstitutionInTheDefinitionIsProvidedAndEveryProvidedOneIsUsed() throws IOException {
        Map<String, Object> machine = properties(resources().get("PipelineStateMachine"));
        assertThat(machine.get("DefinitionUri")).isEqualTo("statemachine/src/main/resources/pipeline.asl.json");
        Set<String> provided = ((Map<String, Object>) machine.get("DefinitionSubstitutions")).keySet();

        assertThat(provided).containsExactlyInAnyOrderElementsOf(PipelineDefinition.substitutions());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyFunctionIsBuiltByAMakefileTargetIntoOneOfTheTwoLambdaJars() throws IOException {
        Map<String, Map<String, Object>> functions = functions();
        functions.forEach((name, resource) -> {
            assertThat(properties(resource).get("CodeUri")).as("%s: CodeUri", name).isEqualTo(".");
            assertThat((Map<String, Object>) resource.get("Metadata")).as("%s: Metadata", name)
                    .containsEntry("BuildMethod", "makefile");
        });
        // The Makefile's FUNCTIONS_JAR_FUNCTIONS and BOT_JAR_FUNCTIONS lists give the build-<LogicalId> targets.
        String makefile = Files.readString(TEMPLATE.resolveSibling("Makefile")).replace("\\\n", " ");
        List<String> built = makefile.lines().filter(line -> line.matches("[A-Z_]+_JAR_FUNCTIONS :=.*"))
                .flatMap(line -> Arrays.stream(line.substring(line.indexOf(":=") + 2).trim().split("\\s+"))).toList();

        assertThat(built).containsExactlyInAnyOrderElementsOf(functions.keySet());
    }

    @Test
    @SuppressWarnings("unchecked")
    void snapStartOnPublishedVersionsExceptWhereLargeTmpRulesItOut() throws IOException {
        Map<String, Object> template = new Yaml(new CloudFormationTags()).load(Files.readString(TEMPLATE));
        Map<String, Object> globals = (Map<String, Object>) ((Map<String, Object>) template.get("Globals")).get("Function");
        assertThat(globals).containsEntry("AutoPublishAlias", "live").containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"));
        functions().forEach((name, resource) -> {
            Map<String, Object> storage = (Map<String, Object>) properties(resource).get("EphemeralStorage");
            boolean largeTmp = storage != null && ((Number) storage.get("Size")).intValue() > 512;
            Object snapStart = properties(resource).get("SnapStart");
            // Lambda: "SnapStart does not support ephemeral storage greater than 512 MB".
            assertThat(snapStart).as("%s: SnapStart", name).isEqualTo(largeTmp ? Map.of("ApplyOn", "None") : null);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStateMachineCallsThePublishedAliasesThatSnapStartApplyTo() throws IOException {
        Map<String, Object> machine = properties(resources().get("PipelineStateMachine"));
        ((Map<String, Object>) machine.get("DefinitionSubstitutions")).forEach((key, value) -> {
            if (key.endsWith("FunctionArn")) {
                assertThat(value).as(key).isEqualTo(key.replace("Arn", "") + ".Alias");
            }
        });
    }

    private static Map<String, Map<String, Object>> functions() throws IOException {
        Map<String, Map<String, Object>> functions = new LinkedHashMap<>();
        resources().forEach((name, resource) -> {
            if ("AWS::Serverless::Function".equals(resource.get("Type"))) {
                functions.put(name, resource);
            }
        });
        assertThat(functions).isNotEmpty();
        return functions;
    }

    @Test
    void theHarnessFillsTheSameSubstitutionsAsTheTemplate() {
        assertThat(PipelineHarness.substitutions().keySet()).containsExactlyInAnyOrderElementsOf(PipelineDefinition.substitutions());
    }

    /** CloudFormation's short forms (!Ref, !Sub, !GetAtt ...) read as plain values; only the structure matters here. */
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
