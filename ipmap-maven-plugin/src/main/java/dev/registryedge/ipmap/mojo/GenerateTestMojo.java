package dev.registryedge.ipmap.mojo;

import java.io.File;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates the same classes as {@code generate} from a fixture snapshot and routing
 * configuration of the project's tests, into the test sources: tests then run against inputs
 * made for them, and stay green when the real snapshot is refreshed or the real configuration
 * edited. It never downloads and never warns that a fixture is old; no {@code -Dipmap.*}
 * property reaches it, so building the main classes from another snapshot leaves the fixture
 * alone.
 */
@Mojo(name = "generate-test", defaultPhase = LifecyclePhase.GENERATE_TEST_SOURCES, threadSafe = true)
public final class GenerateTestMojo extends AbstractGenerateMojo {

    /** The fixture ip-ranges.json the test classes are built from. */
    @Parameter(defaultValue = "${project.basedir}/src/test/resources/ip-ranges.json", required = true)
    private File snapshot;

    /** The fixture routing configuration; leave unset to generate the map alone. */
    @Parameter
    private File routingConfig;

    /** Source root the classes are written to; added to the test sources. */
    @Parameter(defaultValue = "${project.build.directory}/generated-test-sources/ipmap", required = true)
    private File outputDirectory;

    @Override
    GenerateRequest request(GenerateRequest.Builder common) throws MojoFailureException {
        return common.routingConfig(routingConfig == null ? null : path("routingConfig", routingConfig).normalize())
                .staleAfterDays(Integer.MAX_VALUE)
                .build();
    }

    @Override
    void addSourceRoot(MavenProject project, String root) {
        project.addTestCompileSourceRoot(root);
    }

    @Override
    File snapshot() {
        return snapshot;
    }

    @Override
    String snapshotParameter() {
        return "snapshot";
    }

    @Override
    File outputDirectory() {
        return outputDirectory;
    }
}
