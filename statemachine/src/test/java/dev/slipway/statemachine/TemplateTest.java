package dev.slipway.statemachine;

import static dev.slipway.testkit.template.SamTemplate.properties;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testkit.template.SamTemplate;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** template.yaml and pipeline.asl.json agree with each other and with the code they name. */
class TemplateTest {

    private static final Path TEMPLATE = Path.of("..", "template.yaml");
    private static final SamTemplate SAM = SamTemplate.load(TEMPLATE);

    @Test
    void everyHandlerNamedInTheTemplateExistsWithItsMethod() {
        Map<String, Map<String, Object>> functions = SAM.functions();

        assertThat(functions).containsKeys("WebhookFunction", "BotFunction", "DispatchFunction", "ScheduleFunction",
                "PrepareFunction", "RecordFunction", "RequestApprovalFunction", "DeployFunction", "VerifyFunction",
                "RollbackFunction", "NotifyFunction", "BuildEndedFunction");
        functions.forEach((function, resource) -> {
            String handler = (String) properties(resource).get("Handler");
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
    void everySubstitutionInTheDefinitionIsProvidedAndEveryProvidedOneIsUsed() {
        Map<String, Object> machine = properties(SAM.resources().get("PipelineStateMachine"));
        assertThat(machine.get("DefinitionUri")).isEqualTo("statemachine/src/main/resources/pipeline.asl.json");
        Set<String> provided = ((Map<String, Object>) machine.get("DefinitionSubstitutions")).keySet();

        assertThat(provided).containsExactlyInAnyOrderElementsOf(PipelineDefinition.substitutions());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyFunctionIsBuiltByAMakefileTargetIntoOneOfTheTwoLambdaJars() throws IOException {
        Map<String, Map<String, Object>> functions = SAM.functions();
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
    void snapStartOnPublishedVersionsExceptWhereLargeTmpRulesItOut() {
        Map<String, Object> globals = (Map<String, Object>) SAM.section("Globals").get("Function");
        assertThat(globals).containsEntry("AutoPublishAlias", "live").containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"));
        SAM.functions().forEach((name, resource) -> {
            Map<String, Object> storage = (Map<String, Object>) properties(resource).get("EphemeralStorage");
            boolean largeTmp = storage != null && ((Number) storage.get("Size")).intValue() > 512;
            Object snapStart = properties(resource).get("SnapStart");
            // Lambda: "SnapStart does not support ephemeral storage greater than 512 MB".
            assertThat(snapStart).as("%s: SnapStart", name).isEqualTo(largeTmp ? Map.of("ApplyOn", "None") : null);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStateMachineCallsThePublishedAliasesThatSnapStartApplyTo() {
        Map<String, Object> machine = properties(SAM.resources().get("PipelineStateMachine"));
        ((Map<String, Object>) machine.get("DefinitionSubstitutions")).forEach((key, value) -> {
            if (key.endsWith("FunctionArn")) {
                assertThat(value).as(key).isEqualTo(key.replace("Arn", "") + ".Alias");
            }
        });
    }

    @Test
    void theHarnessFillsTheSameSubstitutionsAsTheTemplate() {
        assertThat(PipelineHarness.substitutions().keySet()).containsExactlyInAnyOrderElementsOf(PipelineDefinition.substitutions());
    }
}
