package dev.slipway.core.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.slipway.core.pipeline.Approval;
import dev.slipway.core.pipeline.BuildStage;
import dev.slipway.core.pipeline.CommandStage;
import dev.slipway.core.pipeline.Resources;
import dev.slipway.core.pipeline.RollbackPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps {@code slipway.schema.json} (what editors complete and check with) in agreement with the
 * linter on every fixture: what the linter accepts, the schema accepts; a structural problem the
 * linter reports (unknown key, wrong type, missing key) the schema reports at the same place.
 */
class SchemaAgreementTest {

    /** Problems about the shape of the document, which a JSON Schema can express. */
    private static final Set<String> STRUCTURAL = Set.of(
            "unknown-key", "wrong-type", "missing-key", "missing-image", "missing-target", "missing-approvers");

    private static final JsonSchema SCHEMA = loadSchema();

    static List<String> cases() throws IOException {
        return PipelineFixturesTest.cases().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void schemaAgreesWithTheLinter(String name) throws IOException {
        String text = Files.readString(PipelineFixturesTest.ROOT.resolve(name).resolve(".slipway.yml"), StandardCharsets.UTF_8);
        LintReport report = PipelineLoader.load(".slipway.yml", text);
        Optional<JsonNode> document = YamlJson.of(text);
        if (document.isEmpty()) {
            // Not YAML an editor could read either: the linter must have said so.
            assertThat(report.hasErrors()).isTrue();
            return;
        }
        Set<ValidationMessage> schemaErrors = SCHEMA.validate(document.get());
        if (!report.hasErrors()) {
            assertThat(schemaErrors).as("schema errors on a file the linter accepts").isEmpty();
        }
        for (Problem problem : report.errors()) {
            if (STRUCTURAL.contains(problem.code())) {
                assertThat(locations(schemaErrors))
                        .as("schema errors for %s at %s (%s)", problem.code(), problem.path(), schemaErrors)
                        .containsAnyOf(problem.path(), parent(problem.path()));
            }
        }
    }

    @Test
    void theSchemaIsAValidDraft2020_12Schema() throws IOException {
        try (InputStream in = SchemaAgreementTest.class.getResourceAsStream("/slipway.schema.json")) {
            JsonNode schema = ModelJson.MAPPER.readTree(in);
            JsonSchema meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(java.net.URI.create("https://json-schema.org/draft/2020-12/schema"));
            assertThat(meta.validate(schema)).isEmpty();
            assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        }
    }

    @Test
    void theSchemaListsEveryTopLevelKeyTheLinterKnows() throws IOException {
        try (InputStream in = SchemaAgreementTest.class.getResourceAsStream("/slipway.schema.json")) {
            JsonNode properties = ModelJson.MAPPER.readTree(in).path("properties");
            assertThat(properties.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(PipelineReader.TOP_KEYS);
        }
    }

    @Test
    void theDefaultsTheSchemaShowsEditorsAreTheModelsDefaults() throws IOException {
        JsonNode defs;
        try (InputStream in = SchemaAgreementTest.class.getResourceAsStream("/slipway.schema.json")) {
            defs = ModelJson.MAPPER.readTree(in).path("$defs");
        }
        JsonNode stage = defs.path("commandStage").path("properties");
        JsonNode approval = defs.path("approval").path("properties");
        assertThat(duration(stage.path("timeout").path("default").asText())).isEqualTo(CommandStage.DEFAULT_TIMEOUT);
        assertThat(stage.path("retry").path("default").asInt()).isZero();
        assertThat(stage.path("resources").path("properties").path("cpu").path("default").asDouble())
                .isEqualTo(Resources.DEFAULT.cpu());
        assertThat(stage.path("resources").path("properties").path("memory").path("default").asText()).isEqualTo("2Gi");
        assertThat(Resources.DEFAULT.memoryMib()).isEqualTo(2 * 1024);
        assertThat(duration(approval.path("expires").path("default").asText())).isEqualTo(Approval.DEFAULT_EXPIRES);
        assertThat(defs.path("buildStage").path("properties").path("dockerfile").path("default").asText())
                .isEqualTo(BuildStage.DEFAULT_DOCKERFILE);
        assertThat(defs.path("environment").path("properties").path("rollback").path("default").asText())
                .isEqualTo(RollbackPolicy.AUTO.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static java.time.Duration duration(String text) {
        Problems problems = new Problems("schema");
        return Formats.duration(new org.yaml.snakeyaml.nodes.ScalarNode(org.yaml.snakeyaml.nodes.Tag.STR, text,
                null, null, org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN), "default", problems, false).orElseThrow();
    }

    private static Set<String> locations(Set<ValidationMessage> errors) {
        return errors.stream().map(e -> dotted(e.getInstanceLocation())).collect(Collectors.toSet());
    }

    /** {@code $.a.b[0]} as the linter writes it: {@code a.b[0]}. */
    private static String dotted(JsonNodePath path) {
        StringBuilder dotted = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                dotted.append('[').append(index).append(']');
            } else {
                dotted.append(dotted.length() == 0 ? "" : ".").append(element);
            }
        }
        return dotted.toString();
    }

    private static String parent(String path) {
        if (path.endsWith("]")) {
            return path.substring(0, path.lastIndexOf('['));
        }
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = SchemaAgreementTest.class.getResourceAsStream("/slipway.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
