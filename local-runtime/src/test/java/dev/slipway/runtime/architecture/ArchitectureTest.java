package dev.slipway.runtime.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.slipway.core.archviolation.CoreClassUsingAwsSdk;
import org.junit.jupiter.api.Test;

/**
 * The module edges of DESIGN.md §5, by package, over the production classes of every module
 * (local-runtime's test classpath holds all of them). Modules that have no classes yet are
 * allowed to be empty; the core rule must always match classes.
 */
class ArchitectureTest {

    private static final String CORE = "dev.slipway.core..";
    private static final String FUNCTIONS = "dev.slipway.functions..";
    private static final String BOT = "dev.slipway.bot..";
    private static final String BUILDER = "dev.slipway.builder..";
    private static final String RUNTIME = "dev.slipway.runtime..";
    private static final String TESTKIT = "dev.slipway.testkit..";

    static final ArchRule CORE_KNOWS_NO_CLOUD_CHAT_DOCKER_OR_GIT = noClasses().that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "software.amazon..", "com.amazonaws..", "com.slack..", "com.github.dockerjava..",
                    "org.eclipse.jgit..", FUNCTIONS, BOT, BUILDER, RUNTIME, TESTKIT)
            .because("core is the engine shared by the cloud and the local runtime (DESIGN.md §5)");

    static final ArchRule FUNCTIONS_EDGES = noClasses().that().resideInAPackage(FUNCTIONS)
            .should().dependOnClassesThat().resideInAnyPackage(BOT, BUILDER, RUNTIME, TESTKIT)
            .allowEmptyShould(true);

    static final ArchRule BOT_EDGES = noClasses().that().resideInAPackage(BOT)
            .should().dependOnClassesThat().resideInAnyPackage(FUNCTIONS, BUILDER, RUNTIME, TESTKIT)
            .allowEmptyShould(true);

    static final ArchRule BUILDER_EDGES = noClasses().that().resideInAPackage(BUILDER)
            .should().dependOnClassesThat().resideInAnyPackage(FUNCTIONS, BOT, RUNTIME, TESTKIT)
            .allowEmptyShould(true);

    static final ArchRule TESTKIT_ONLY_CORE = noClasses().that().resideInAPackage(TESTKIT)
            .should().dependOnClassesThat().resideInAnyPackage(FUNCTIONS, BOT, BUILDER, RUNTIME)
            .allowEmptyShould(true);

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.slipway");

    @Test
    void coreImportsNoAwsSlackDockerOrGitClassAndNoOtherModule() {
        assertThat(PRODUCTION.stream().filter(c -> c.getPackageName().startsWith("dev.slipway.core"))).isNotEmpty();
        CORE_KNOWS_NO_CLOUD_CHAT_DOCKER_OR_GIT.check(PRODUCTION);
    }

    @Test
    void functionsDependOnNeitherBotNorBuilderNorRuntime() {
        FUNCTIONS_EDGES.check(PRODUCTION);
    }

    @Test
    void botDependsOnNeitherFunctionsNorBuilderNorRuntime() {
        BOT_EDGES.check(PRODUCTION);
    }

    @Test
    void builderDependsOnNeitherFunctionsNorBotNorRuntime() {
        BUILDER_EDGES.check(PRODUCTION);
    }

    @Test
    void testkitDependsOnlyOnCore() {
        TESTKIT_ONLY_CORE.check(PRODUCTION);
    }

    @Test
    void theCoreRuleRejectsACoreClassThatUsesTheAwsSdk() {
        JavaClasses violation = new ClassFileImporter().importClasses(CoreClassUsingAwsSdk.class);

        assertThatThrownBy(() -> CORE_KNOWS_NO_CLOUD_CHAT_DOCKER_OR_GIT.check(violation))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("software.amazon.awssdk.regions.Region");
    }
}
