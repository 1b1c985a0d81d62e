package dev.registryedge.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * What may import what in the operators' tools: they run on the JVM only, and the operations
 * stay usable without the command line that parses their arguments.
 */
class BoundariesTest {

    static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.registryedge.cli");

    @Test
    void theToolsUseNeitherTeaVmNorTheNodeAdapter() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.teavm..", "..handler.edge..")
                .check(CLI);
    }

    @Test
    void theOperatingCommandsStandOnTheSdkAndTheRoutingModelNotOnTheCommandLine() {
        noClasses().that().resideInAPackage("..cli.deploy..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "dev.registryedge.cli",
                        "..handler.generated..", "..handler.jvm..")
                .check(CLI);
    }
}
