package dev.registryedge.handler.report;

import dev.registryedge.handler.core.BlobKey;
import dev.registryedge.handler.core.Decision;
import dev.registryedge.handler.core.Outcome;
import dev.registryedge.ipmap.lookup.RegionMap;
import java.util.HashMap;
import java.util.Map;

/**
 * What one worker has read: counts per {@link Cell}, and per blob the size a full 200 response
 * told and the 307s still waiting for it (the memory the report needs grows with distinct blobs,
 * not with lines). Tallies of several workers are merged, then {@link #resolve()}d.
 */
final class Tally {

    /** A blob: its size once a log line tells it, and the redirected requests waiting for it. */
    private static final class Blob {
        long size = -1;
        Map<Cell, long[]> waiting;
    }

    private final Replay primary;
    private final Replay upper;
    private final RegionMap regions;
    private final Prices prices;
    final Map<Cell, Counts> cells = new HashMap<>();
    private final Map<String, Blob> blobs = new HashMap<>();
    private final Map<String, String> priceRegions = new HashMap<>();
    private final Map<String, String> clientRegions = new HashMap<>();
    long lines;
    long blobGets;
    long otherRequests;

    /** @param upper the replay for the upper bound, or null when one replica assumption was asked for */
    Tally(Replay primary, Replay upper, RegionMap regions, Prices prices) {
        this.primary = primary;
        this.upper = upper;
        this.regions = regions;
        this.prices = prices;
    }

    /**
     * One request from a log.
     *
     * @param status the HTTP status CloudFront answered with
     * @param byFunction a 307 the function generated
     * @param bytes what CloudFront sent (sc-bytes)
     * @param fullSize the object's size when this response tells it (a full 200), else -1
     */
    void request(String day, String distribution, String edgeLocation, String clientIp, String method, String uri,
            int status, boolean byFunction, long bytes, long fullSize, String userAgent) {
        String key = BlobKey.of(uri);
        boolean served = (status >= 200 && status < 300) || status == 304;
        if (key == null || !method.equals("GET") || !(served || byFunction)) {
            otherRequests++;
            return;
        }
        blobGets++;
        Blob blob = blobs.computeIfAbsent(key, k -> new Blob());
        if (fullSize >= 0) {
            blob.size = fullSize;
        }
        long known = served ? bytes : -1;
        String priceRegion = priceRegions.computeIfAbsent(edgeLocation, prices::priceRegion);
        Decision decision = primary.decide(distribution, clientIp, uri, key, userAgent);
        String client = clientRegion(decision, clientIp);

        add(blob, new Cell(Cell.Scenario.ALL_CLOUDFRONT, day, distribution, Outcome.CLOUDFRONT, client, null,
                priceRegion), known);
        add(blob, cell(Cell.Scenario.WITH_FUNCTION, day, distribution, decision, client, priceRegion), known);
        if (upper != null) {
            Decision upperDecision = upper.decide(distribution, clientIp, uri, key, userAgent);
            add(blob, cell(Cell.Scenario.WITH_FUNCTION_UPPER, day, distribution, upperDecision,
                    clientRegion(upperDecision, clientIp), priceRegion), known);
        }
        Cell actual = served ? new Cell(Cell.Scenario.ACTUAL, day, distribution, Outcome.CLOUDFRONT, client, null,
                priceRegion)
                : decision.outcome().redirects() ? cell(Cell.Scenario.ACTUAL, day, distribution, decision, client,
                        priceRegion)
                : new Cell(Cell.Scenario.ACTUAL, day, distribution, null, client, null, priceRegion);
        add(blob, actual, known);
    }

    private static Cell cell(Cell.Scenario scenario, String day, String distribution, Decision decision, String client,
            String priceRegion) {
        return new Cell(scenario, day, distribution, decision.outcome(), client,
                decision.target() == null ? null : decision.target().region(), priceRegion);
    }

    /** The region the router placed the client in; else the map's (for the chart), else outside AWS. */
    private String clientRegion(Decision decision, String clientIp) {
        String region = decision.clientRegion();
        if (region != null && !region.equals("local")) {
            return region;
        }
        return clientRegions.computeIfAbsent(clientIp, ip -> {
            String mapped = regions.regionOf(ip);
            return mapped == null ? Cell.OUTSIDE_AWS : mapped;
        });
    }

    private void add(Blob blob, Cell cell, long bytes) {
        Counts counts = cells.computeIfAbsent(cell, c -> new Counts());
        counts.requests++;
        if (bytes >= 0) {
            counts.bytes += bytes;
        } else {
            if (blob.waiting == null) {
                blob.waiting = new HashMap<>();
            }
            blob.waiting.computeIfAbsent(cell, c -> new long[1])[0]++;
        }
    }

    void merge(Tally other) {
        other.cells.forEach((cell, counts) -> cells.computeIfAbsent(cell, c -> new Counts()).add(counts));
        other.blobs.forEach((key, theirs) -> {
            Blob ours = blobs.computeIfAbsent(key, k -> new Blob());
            ours.size = Math.max(ours.size, theirs.size);
            if (theirs.waiting != null) {
                if (ours.waiting == null) {
                    ours.waiting = new HashMap<>();
                }
                theirs.waiting.forEach((cell, n) -> ours.waiting.computeIfAbsent(cell, c -> new long[1])[0] += n[0]);
            }
        });
        lines += other.lines;
        blobGets += other.blobGets;
        otherRequests += other.otherRequests;
    }

    /** Gives the waiting 307s the size their blob turned out to have, or counts them as of unknown size. */
    void resolve() {
        blobs.forEach((key, blob) -> {
            if (blob.waiting != null) {
                blob.waiting.forEach((cell, n) -> {
                    Counts counts = cells.get(cell);
                    if (blob.size >= 0) {
                        counts.bytes += blob.size * n[0];
                    } else {
                        counts.unknownBytesRequests += n[0];
                    }
                });
                blob.waiting = null;
            }
        });
    }

    int distinctBlobs() {
        return blobs.size();
    }
}
