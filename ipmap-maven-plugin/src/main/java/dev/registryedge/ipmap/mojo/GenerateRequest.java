package dev.registryedge.ipmap.mojo;

import dev.registryedge.ipmap.ranges.Selection;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * One run of the generator.
 *
 * @param snapshot the ip-ranges.json to read (and, on refresh, to replace)
 * @param routingConfig the routing configuration, or {@code null} to generate only the map
 * @param selection which prefixes go into the map
 * @param outputDirectory the source root to write into
 * @param packageName the package of the generated classes
 * @param mapClassName the simple name of the map class
 * @param routingClassName the simple name of the routing class
 * @param refreshFrom where to download a new snapshot from, or {@code null} to use the file as it is
 * @param connectTimeout connect limit for the download
 * @param readTimeout limit for the whole download
 * @param staleAfterDays warn when the snapshot is older than this
 * @param now the current UTC time, for the staleness check
 * @param acceptLargeChange whether a refresh may change more than
 *     {@link dev.registryedge.ipmap.refresh.SnapshotDiff#LARGE_CHANGE_PERCENT} % of a family's addresses
 */
public record GenerateRequest(Path snapshot, Path routingConfig, Selection selection, Path outputDirectory,
        String packageName, String mapClassName, String routingClassName, URI refreshFrom, Duration connectTimeout,
        Duration readTimeout, int staleAfterDays, LocalDateTime now, boolean acceptLargeChange) {

    /**
     * A request for the snapshot and output directory, with the plugin's defaults for the rest:
     * the default selection, package {@code ipmap.generated}, classes {@code AwsRegionMap} and
     * {@code RoutingTable}, no routing configuration, no refresh (10 s to connect and 60 s for a
     * download when one is asked for), a warning after 30 days, large changes refused.
     */
    public static Builder builder(Path snapshot, Path outputDirectory) {
        return new Builder(new GenerateRequest(snapshot, null, Selection.defaults(), outputDirectory, "ipmap.generated",
                "AwsRegionMap", "RoutingTable", null, Duration.ofSeconds(10), Duration.ofSeconds(60), 30,
                LocalDateTime.now(ZoneOffset.UTC), false));
    }

    /** A builder starting from this request. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes one field at a time; {@link #build()} gives the request. */
    public static final class Builder {
        private Path snapshot;
        private Path routingConfig;
        private Selection selection;
        private Path outputDirectory;
        private String packageName;
        private String mapClassName;
        private String routingClassName;
        private URI refreshFrom;
        private Duration connectTimeout;
        private Duration readTimeout;
        private int staleAfterDays;
        private LocalDateTime now;
        private boolean acceptLargeChange;

        private Builder(GenerateRequest from) {
            snapshot = from.snapshot;
            routingConfig = from.routingConfig;
            selection = from.selection;
            outputDirectory = from.outputDirectory;
            packageName = from.packageName;
            mapClassName = from.mapClassName;
            routingClassName = from.routingClassName;
            refreshFrom = from.refreshFrom;
            connectTimeout = from.connectTimeout;
            readTimeout = from.readTimeout;
            staleAfterDays = from.staleAfterDays;
            now = from.now;
            acceptLargeChange = from.acceptLargeChange;
        }

        public Builder routingConfig(Path value) {
            routingConfig = value;
            return this;
        }

        public Builder selection(Selection value) {
            selection = value;
            return this;
        }

        public Builder packageName(String value) {
            packageName = value;
            return this;
        }

        public Builder classNames(String map, String routing) {
            mapClassName = map;
            routingClassName = routing;
            return this;
        }

        /** Download a new snapshot from here first, or {@code null} not to. */
        public Builder refreshFrom(URI value) {
            refreshFrom = value;
            return this;
        }

        public Builder timeouts(Duration connect, Duration read) {
            connectTimeout = connect;
            readTimeout = read;
            return this;
        }

        public Builder staleAfterDays(int value) {
            staleAfterDays = value;
            return this;
        }

        public Builder now(LocalDateTime value) {
            now = value;
            return this;
        }

        public Builder acceptLargeChange(boolean value) {
            acceptLargeChange = value;
            return this;
        }

        public GenerateRequest build() {
            return new GenerateRequest(snapshot, routingConfig, selection, outputDirectory, packageName, mapClassName,
                    routingClassName, refreshFrom, connectTimeout, readTimeout, staleAfterDays, now, acceptLargeChange);
        }
    }
}
