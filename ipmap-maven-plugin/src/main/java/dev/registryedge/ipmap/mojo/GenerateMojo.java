package dev.registryedge.ipmap.mojo;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates a Java class mapping IP addresses to AWS regions from an {@code ip-ranges.json}
 * snapshot and, when a routing configuration is given, a class holding it validated. With
 * {@code -Dipmap.refresh=true} it first downloads a new snapshot, prints what changed and
 * replaces the file. Without refresh it never touches the network.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractGenerateMojo {

    /** The ip-ranges.json snapshot to build from; replaced on refresh. */
    @Parameter(property = "ipmap.snapshot", defaultValue = "${project.basedir}/data/ip-ranges.json", required = true)
    private File snapshot;

    /**
     * The routing configuration (JSON) to validate and compile in. Leave unset to generate the
     * map alone.
     */
    @Parameter(property = "ipmap.routingConfig")
    private File routingConfig;

    /** Whether IPv4 prefixes go into the map. */
    @Parameter(property = "ipmap.ipv4", defaultValue = "true")
    private boolean ipv4;

    /** Whether IPv6 prefixes go into the map. */
    @Parameter(property = "ipmap.ipv6", defaultValue = "true")
    private boolean ipv6;

    /** Source root the classes are written to; added to the compile sources. */
    @Parameter(defaultValue = "${project.build.directory}/generated-sources/ipmap", required = true)
    private File outputDirectory;

    /** Download a new snapshot from {@link #url} before generating. */
    @Parameter(property = "ipmap.refresh", defaultValue = "false")
    private boolean refresh;

    /** Where a refresh downloads from. */
    @Parameter(property = "ipmap.url", defaultValue = "https://ip-ranges.amazonaws.com/ip-ranges.json")
    private String url;

    /** Connect timeout of the download, in seconds. */
    @Parameter(property = "ipmap.connectTimeoutSeconds", defaultValue = "10")
    private int connectTimeoutSeconds;

    /**
     * Limit on the whole download, in seconds: from sending the request to the last byte of the
     * body, connecting included (not only until the response headers arrive).
     */
    @Parameter(property = "ipmap.readTimeoutSeconds", defaultValue = "60")
    private int readTimeoutSeconds;

    /**
     * Let a refresh go ahead although it changes the region of more than 10% of the addresses
     * of IPv4 or IPv6 (gained or lost); without it such a refresh stops after printing the changes.
     */
    @Parameter(property = "ipmap.acceptLargeChange", defaultValue = "false")
    private boolean acceptLargeChange;

    /** Warn when the snapshot's createDate is older than this many days. */
    @Parameter(property = "ipmap.staleAfterDays", defaultValue = "30")
    private int staleAfterDays;

    @Override
    GenerateRequest request(GenerateRequest.Builder common) throws MojoFailureException {
        return common.routingConfig(routingConfig == null ? null : path("ipmap.routingConfig", routingConfig).normalize())
                .refreshFrom(refresh ? refreshUrl(url) : null)
                .timeouts(Duration.ofSeconds(connectTimeoutSeconds), Duration.ofSeconds(readTimeoutSeconds))
                .staleAfterDays(staleAfterDays)
                .now(LocalDateTime.now(ZoneOffset.UTC))
                .acceptLargeChange(acceptLargeChange)
                .build();
    }

    @Override
    void addSourceRoot(MavenProject project, String root) {
        project.addCompileSourceRoot(root);
    }

    @Override
    File snapshot() {
        return snapshot;
    }

    @Override
    String snapshotParameter() {
        return "ipmap.snapshot";
    }

    @Override
    File outputDirectory() {
        return outputDirectory;
    }

    @Override
    boolean ipv4() {
        return ipv4;
    }

    @Override
    boolean ipv6() {
        return ipv6;
    }

    /** The download location, which must be an absolute http or https URL with a host. */
    static URI refreshUrl(String url) throws MojoFailureException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new MojoFailureException("ipmap.url: '" + url + "' is not a URL: " + e.getMessage(), e);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw new MojoFailureException("ipmap.url: '" + url + "' is not an http:// or https:// URL with a host"
                    + " (the default is https://ip-ranges.amazonaws.com/ip-ranges.json)");
        }
        return uri;
    }
}
