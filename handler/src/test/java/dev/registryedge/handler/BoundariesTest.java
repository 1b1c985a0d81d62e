package dev.registryedge.handler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * What may import what inside the handler, where the module graph cannot tell: the routing core,
 * SigV4 and endpoints are compiled by TeaVM for Node and run on the JVM, so they stand on
 * neither platform; each adapter stands on its own. (That the function carries none of the
 * operators' tools follows from the modules: the cli module depends on this one, not the
 * reverse; ArtifactsIT checks both zips.)
 */
class BoundariesTest {

    static final JavaClasses HANDLER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.registryedge.handler");

    static final String AWS_SDK = "software.amazon..";
    static final String LAMBDA_RUNTIME = "com.amazonaws..";
    static final String JACKSON = "com.fasterxml..";
    static final String TEAVM = "org.teavm..";

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
                .should().dependOnClassesThat().resideInAnyPackage(AWS_SDK, LAMBDA_RUNTIME, JACKSON, "..handler.jvm..")
                .check(HANDLER);
    }

    @Test
    void theJvmAdapterUsesNeitherTeaVmNorTheNodeAdapter() {
        noClasses().that().resideInAPackage("..handler.jvm..")
                .should().dependOnClassesThat().resideInAnyPackage(TEAVM, "..handler.edge..")
                .check(HANDLER);
    }
}
