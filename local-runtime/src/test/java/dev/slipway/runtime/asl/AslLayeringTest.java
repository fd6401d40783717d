package dev.slipway.runtime.asl;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine's inner edges: the model and the history know nothing of evaluation, HTTP or integrations. */
class AslLayeringTest {
    /** Only this module's compiled classes: scanning the whole classpath (DynamoDB Local, ...) takes far longer. */
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(java.nio.file.Path.of("target/classes"));

    @Test
    void theModelStandsAlone() {
        noClasses().that().resideInAPackage("..asl.model..")
                .should().dependOnClassesThat().resideInAnyPackage("..asl.eval..", "..asl.api..", "..asl.history..",
                        "..asl.integration..", "..runtime.cli..")
                .check(classes);
    }

    @Test
    void theHistoryIsPlainRecordsAndStorage() {
        noClasses().that().resideInAPackage("..asl.history..")
                .should().dependOnClassesThat().resideInAnyPackage("..asl.eval..", "..asl.api..", "..asl.integration..",
                        "..asl.model..", "..runtime.cli..")
                .check(classes);
    }

    @Test
    void onlyTheCommandLineUsesTheHttpApi() {
        noClasses().that().resideOutsideOfPackages("..asl.api..", "..runtime.cli..")
                .should().dependOnClassesThat().resideInAPackage("..asl.api..")
                .check(classes);
    }

    @Test
    void theEngineNeedsNoAwsSdkDockerOrSlack() {
        noClasses().that().resideInAPackage("..runtime.asl..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..", "com.github.dockerjava..",
                        "com.slack..", "org.eclipse.jgit..")
                .check(classes);
    }
}
