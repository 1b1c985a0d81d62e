package dev.registryedge.ipmap.mojo;

import dev.registryedge.ipmap.json.InputException;
import dev.registryedge.ipmap.ranges.Selection;
import java.io.File;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What the {@code generate} and {@code generate-test} goals share: which prefixes go into the
 * map, the names of the generated classes, and running one {@link GenerateRequest} with its
 * failures mapped to Maven's exceptions in this one place.
 */
abstract class AbstractGenerateMojo extends AbstractMojo {

    /** Services whose prefixes go into the map, spelt as in the snapshot. */
    @Parameter(defaultValue = "EC2")
    private List<String> services;

    /** Region glob patterns ({@code *}, {@code ?}) whose prefixes go into the map, e.g. {@code us-*}. */
    @Parameter(defaultValue = "*")
    private List<String> regions;

    /** Package of the generated classes. */
    @Parameter(defaultValue = "ipmap.generated", required = true)
    private String packageName;

    /** Simple name of the generated map class. */
    @Parameter(defaultValue = "AwsRegionMap", required = true)
    private String mapClassName;

    /** Simple name of the generated routing class. */
    @Parameter(defaultValue = "RoutingTable", required = true)
    private String routingClassName;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** The run this goal asks for, from the parameters common to both goals and its own. */
    abstract GenerateRequest request(GenerateRequest.Builder common) throws MojoFailureException;

    /** Adds the written source root to the main or the test sources. */
    abstract void addSourceRoot(MavenProject project, String root);

    abstract File snapshot();

    abstract String snapshotParameter();

    abstract File outputDirectory();

    boolean ipv4() {
        return true;
    }

    boolean ipv6() {
        return true;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        GenerateRequest.Builder common = GenerateRequest.builder(path(snapshotParameter(), snapshot()).normalize(),
                        path("outputDirectory", outputDirectory()))
                .selection(new Selection(services, regions, ipv4(), ipv6()))
                .packageName(packageName)
                .classNames(mapClassName, routingClassName);
        GenerateRequest request = request(common);
        BuildLog log = new BuildLog() {
            @Override
            public void info(String message) {
                getLog().info(message);
            }

            @Override
            public void warn(String message) {
                getLog().warn(message);
            }
        };
        try {
            new IpMapGenerator(log).run(request);
        } catch (InputException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Writing the generated sources failed: " + e.getMessage(), e);
        }
        addSourceRoot(project, outputDirectory().getPath());
    }

    static Path path(String parameter, File file) throws MojoFailureException {
        try {
            return file.toPath();
        } catch (InvalidPathException e) {
            throw new MojoFailureException(parameter + ": '" + file + "' is not a valid path: " + e.getMessage(), e);
        }
    }
}
