package dev.registryedge.handler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * What may import what in the handler: the routing core and SigV4 are compiled by TeaVM for
 * Node and run on the JVM, so they stand on neither platform; each adapter stands on its own.
 */
class BoundariesTest {

    static final JavaClasses HANDLER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.registryedge.handler");

    static final String AWS_SDK = "software.amazon..";
    static final String LAMBDA_RUNTIME = "com.amazonaws..";
    static final String JACKSON = "com.fasterxml..";
    static final String TEAVM = "org.teavm..";

    @Test
    void theCoreSigV4AndEndpointsStandOnNeitherPlatformNorOnTheAdapters() {
        noClasses().that().resideInAnyPackage("..handler.core..", "..handler.sigv4..", "..handler.endpoints..")
                .should().dependOnClassesThat().resideInAnyPackage(AWS_SDK, LAMBDA_RUNTIME, JACKSON, TEAVM,
                        "..handler.jvm..", "..handler.edge..", "..handler.cli..")
                .check(HANDLER);
    }

    @Test
    void theNodeAdapterUsesNeitherTheAwsSdkNorJackson() {
        noClasses().that().resideInAPackage("..handler.edge..")
                .should().dependOnClassesThat().resideInAnyPackage(AWS_SDK, LAMBDA_RUNTIME, JACKSON, "..handler.jvm..",
                        "..handler.cli..")
                .check(HANDLER);
    }

    @Test
    void theJvmAdapterAndTheCommandLineUseNoTeaVm() {
        noClasses().that().resideInAnyPackage("..handler.jvm..", "..handler.cli..")
                .should().dependOnClassesThat().resideInAnyPackage(TEAVM, "..handler.edge..")
                .check(HANDLER);
    }
}
