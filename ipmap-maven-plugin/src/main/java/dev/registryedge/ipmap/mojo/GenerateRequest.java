package dev.registryedge.ipmap.mojo;

import dev.registryedge.ipmap.ranges.Selection;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;

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

    /** A run that refuses large changes. */
    public GenerateRequest(Path snapshot, Path routingConfig, Selection selection, Path outputDirectory,
            String packageName, String mapClassName, String routingClassName, URI refreshFrom, Duration connectTimeout,
            Duration readTimeout, int staleAfterDays, LocalDateTime now) {
        this(snapshot, routingConfig, selection, outputDirectory, packageName, mapClassName, routingClassName,
                refreshFrom, connectTimeout, readTimeout, staleAfterDays, now, false);
    }

    /** This request, accepting large changes or not. */
    public GenerateRequest withAcceptLargeChange(boolean accept) {
        return new GenerateRequest(snapshot, routingConfig, selection, outputDirectory, packageName, mapClassName,
                routingClassName, refreshFrom, connectTimeout, readTimeout, staleAfterDays, now, accept);
    }
}
