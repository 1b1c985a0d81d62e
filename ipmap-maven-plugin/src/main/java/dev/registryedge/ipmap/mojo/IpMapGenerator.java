package dev.registryedge.ipmap.mojo;

import com.palantir.javapoet.JavaFile;
import dev.registryedge.ipmap.codegen.RegionMapGenerator;
import dev.registryedge.ipmap.codegen.RoutingTableGenerator;
import dev.registryedge.ipmap.config.RoutingConfigReader;
import dev.registryedge.ipmap.intervals.RegionTables;
import dev.registryedge.ipmap.json.InputException;
import dev.registryedge.ipmap.ranges.IpRangesReader;
import dev.registryedge.ipmap.ranges.Snapshot;
import dev.registryedge.ipmap.refresh.AtomicFiles;
import dev.registryedge.ipmap.refresh.SnapshotDiff;
import dev.registryedge.ipmap.refresh.SnapshotDownloader;
import dev.registryedge.ipmap.routing.RoutingConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and validates every input, generates every source in memory, and only then writes:
 * a failure at any step leaves the snapshot and the previous sources as they were.
 */
public final class IpMapGenerator {

    private final BuildLog log;

    public IpMapGenerator(BuildLog log) {
        this.log = log;
    }

    /** What a run wrote, for the caller to report or test. */
    public record Result(RegionTables tables, RoutingConfig routing, List<Path> written, long millis) {}

    public Result run(GenerateRequest request) throws InputException, IOException {
        long started = System.nanoTime();
        String snapshotName = request.snapshot().toString();
        byte[] downloaded = null;
        Snapshot snapshot;
        if (request.refreshFrom() != null) {
            log.info("Downloading " + request.refreshFrom());
            downloaded = new SnapshotDownloader(request.connectTimeout(), request.readTimeout())
                    .download(request.refreshFrom());
            snapshot = IpRangesReader.read(downloaded, request.refreshFrom().toString());
        } else {
            snapshot = IpRangesReader.read(readFile(request.snapshot(), "the ip-ranges snapshot"), snapshotName);
        }
        RegionTables tables = RegionTables.build(snapshot, request.selection(),
                downloaded != null ? request.refreshFrom().toString() : snapshotName);
        tables.warnings().forEach(log::warn);
        if (downloaded != null) {
            checkChange(request, describeRefresh(request, tables));
        }
        warnIfStale(request, snapshot);

        RoutingConfig routing = null;
        if (request.routingConfig() != null) {
            routing = RoutingConfigReader.read(readFile(request.routingConfig(), "the routing configuration"),
                    request.routingConfig().toString(), snapshot.regions(), tables.regions());
        }

        List<JavaFile> sources = new ArrayList<>();
        sources.add(RegionMapGenerator.generate(request.packageName(), request.mapClassName(), tables));
        if (routing != null) {
            sources.add(RoutingTableGenerator.generate(request.packageName(), request.routingClassName(), routing,
                    request.routingConfig().getFileName().toString()));
        }

        List<Path> written = new ArrayList<>();
        if (downloaded != null && AtomicFiles.write(request.snapshot(), downloaded)) {
            log.info("Replaced " + snapshotName);
            written.add(request.snapshot());
        }
        for (JavaFile source : sources) {
            Path file = request.outputDirectory()
                    .resolve(source.packageName().replace('.', '/'))
                    .resolve(source.typeSpec().name() + ".java");
            if (AtomicFiles.write(file, source.toString().getBytes(StandardCharsets.UTF_8))) {
                written.add(file);
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("IP map " + request.packageName() + "." + request.mapClassName() + ": " + tables.ipv4Prefixes()
                + " IPv4 prefixes in " + tables.ipv4().size() + " intervals, " + tables.ipv6Prefixes()
                + " IPv6 prefixes in " + tables.ipv6().size() + " intervals, " + tables.regions().size()
                + " regions, snapshot " + snapshot.syncToken() + " (" + snapshot.createDate() + ")"
                + (routing == null ? "" : "; routing for " + routing.distributions().size() + " distributions")
                + "; " + (written.isEmpty() ? "up to date" : written.size() + " file(s) written") + " in " + millis + " ms");
        return new Result(tables, routing, written, millis);
    }

    /** Logs what the refresh changes; returns the change per family, empty when there is nothing to compare. */
    private List<SnapshotDiff.FamilyChange> describeRefresh(GenerateRequest request, RegionTables fresh) {
        try {
            byte[] current = Files.readAllBytes(request.snapshot());
            Snapshot old = IpRangesReader.read(current, request.snapshot().toString());
            RegionTables before = RegionTables.build(old, request.selection(), request.snapshot().toString());
            log.info("Changes against " + request.snapshot() + " (" + request.selection() + "):");
            for (String line : SnapshotDiff.describe(before, fresh)) {
                if (line.startsWith("WARNING: ")) {
                    log.warn(line.substring("WARNING: ".length()));
                } else {
                    log.info("  " + line);
                }
            }
            return SnapshotDiff.familyChanges(before, fresh);
        } catch (NoSuchFileException e) {
            log.info("No snapshot at " + request.snapshot() + " yet: nothing to compare against");
        } catch (IOException | InputException e) {
            log.warn("The current snapshot cannot be compared against (" + e.getMessage() + "); replacing it anyway");
        }
        return List.of();
    }

    /** Stops a refresh that moves too many addresses, unless the user has confirmed it. */
    private void checkChange(GenerateRequest request, List<SnapshotDiff.FamilyChange> changes) throws InputException {
        List<String> large = changes.stream().filter(c -> c.exceeds(SnapshotDiff.LARGE_CHANGE_PERCENT))
                .map(SnapshotDiff.FamilyChange::toString).toList();
        if (large.isEmpty()) {
            return;
        }
        String summary = String.join("; ", large);
        if (request.acceptLargeChange()) {
            log.warn("Accepting a change of more than " + SnapshotDiff.LARGE_CHANGE_PERCENT + "% of the addresses ("
                    + summary + ") as -Dipmap.acceptLargeChange=true asks");
            return;
        }
        throw new InputException(request.refreshFrom() + ": the new snapshot changes the region of more than "
                + SnapshotDiff.LARGE_CHANGE_PERCENT + "% of the addresses: " + summary + ". Review the changes listed"
                + " above; if AWS really changed this much, run again with -Dipmap.acceptLargeChange=true."
                + " The snapshot and the generated sources are left as they were");
    }

    private void warnIfStale(GenerateRequest request, Snapshot snapshot) {
        long days = ChronoUnit.DAYS.between(snapshot.created(), request.now());
        if (days > request.staleAfterDays()) {
            log.warn("The ip-ranges snapshot is " + days + " days old (createDate " + snapshot.createDate()
                    + "); refresh it with -Dipmap.refresh=true");
        }
    }

    private static byte[] readFile(Path file, String what) throws InputException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": " + what + " does not exist");
        } catch (IOException e) {
            throw new InputException(file + ": " + what + " cannot be read: " + e.getMessage());
        }
    }
}
