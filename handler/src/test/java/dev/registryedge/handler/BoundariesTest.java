package dev.registryedge.handler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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
    static final String PICOCLI = "picocli..";
    static final String LAMBDA_API = "software.amazon.awssdk.services.lambda..";
    static final String CLOUDFRONT_API = "software.amazon.awssdk.services.cloudfront..";

    static final String[] PORTABLE = {"..handler.core..", "..handler.sigv4..", "..handler.endpoints.."};

    @Test
    void theCoreSigV4AndEndpointsStandOnTheJdkTheRoutingModelAndEachOtherAlone() {
        classes().that().resideInAnyPackage(PORTABLE)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.registryedge.ipmap..",
                        "..handler.core..", "..handler.sigv4..", "..handler.endpoints..")
                .check(HANDLER);
    }

    @Test
    void theCoreSigV4AndEndpointsAvoidWhatTeaVmCannotCompileOrMustNotBeOnTheEdge() {
        // Regular expressions bring a whole engine into the bundle; java.time and javax.crypto
        // are missing from TeaVM; java.net would resolve names outside the request's deadline.
        noClasses().that().resideInAnyPackage(PORTABLE)
                .should().dependOnClassesThat().resideInAnyPackage("java.util.regex..", "java.time..", "javax.crypto..",
                        "java.net..", "java.lang.reflect..")
                .check(HANDLER);
    }

    @Test
    void theNodeAdapterUsesNeitherTheAwsSdkNorJacksonNorTheJvmSide() {
        noClasses().that().resideInAPackage("..handler.edge..")
                .should().dependOnClassesThat().resideInAnyPackage(AWS_SDK, LAMBDA_RUNTIME, JACKSON, PICOCLI,
                        "..handler.jvm..", "..handler.cli..", "..handler.policy..", "..handler.deploy..")
                .check(HANDLER);
    }

    @Test
    void theJvmAdapterUsesNoTeaVmAndNothingTheLambdaZipLeavesOut() {
        // The Lambda zip ships without Jackson, picocli and the operating commands' clients.
        noClasses().that().resideInAPackage("..handler.jvm..")
                .should().dependOnClassesThat().resideInAnyPackage(TEAVM, JACKSON, PICOCLI, "..handler.edge..",
                        "..handler.cli..", "..handler.policy..", "..handler.deploy..", LAMBDA_API, CLOUDFRONT_API)
                .check(HANDLER);
    }

    @Test
    void theCommandLineAndItsCommandsUseNoTeaVm() {
        noClasses().that().resideInAnyPackage("..handler.cli..", "..handler.policy..", "..handler.deploy..")
                .should().dependOnClassesThat().resideInAnyPackage(TEAVM, "..handler.edge..")
                .check(HANDLER);
    }

    @Test
    void theOperatingCommandsStandOnTheSdkAndTheRoutingModelNotOnTheCommandLine() {
        noClasses().that().resideInAPackage("..handler.deploy..")
                .should().dependOnClassesThat().resideInAnyPackage(PICOCLI, "..handler.cli..", "..handler.generated..",
                        "..handler.jvm..")
                .check(HANDLER);
    }
}
