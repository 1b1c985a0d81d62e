package dev.registryedge.cli.report;

import dev.registryedge.cli.report.ClientClasses.ClientClass;
import dev.registryedge.handler.core.BlobKey;
import dev.registryedge.handler.core.DebugOverride;
import dev.registryedge.handler.core.Decision;
import dev.registryedge.handler.core.Outcome;
import dev.registryedge.ipmap.lookup.RegionMap;
import dev.registryedge.ipmap.routing.Route;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one worker has read: counts per {@link Cell}, and per blob the size a full 200 response
 * told and the 307s still waiting for it (the memory the report needs grows with distinct blobs,
 * not with lines or clients). The cells a line adds to are worked out once per decision context
 * (distribution, {@link ClientClasses client class}, debug override, day and edge location, and
 * the blob when an inventory makes it matter), and the line only increments their counts.
 * Tallies of several workers are merged, then {@link #resolve()}d.
 */
final class Tally {

    /** Who made a logged 307, as far as the log tells. */
    enum Origin {
        /** The result type says the function generated it. */
        FUNCTION,
        /** The result type says something else did (the origin, a CloudFront Function). */
        OTHER,
        /** The log has no result type: the function's only when its decision logs say so. */
        UNKNOWN
    }

    /** A blob: its size once a log line tells it, and the redirected requests waiting for it. */
    static final class Blob {
        long size = -1;
        Map<Cell, long[]> waiting;
    }

    /** The cache behaviour the function runs on: it runs on every request there, blob GET or not. */
    static final String BLOB_PATHS = "/docker/registry/v2/blobs/";

    /** What a path that names no blob is interned with, on the blob paths or elsewhere. */
    static final Object NOT_A_BLOB = new Object();
    static final Object NOT_A_BLOB_ON_BLOB_PATHS = new Object();

    /** A path that names a blob: its S3 key, and the blob once a counted response names it. */
    private static final class BlobPath {
        final String key;
        Blob blob;

        BlobPath(String key) {
            this.key = key;
        }
    }

    /**
     * The cells of one context (everything a blob GET's cells depend on: distribution, client
     * class, debug override, day, edge location): all through CloudFront, with the function, its
     * upper bound, and as logged. The context's parts are interned, so it is compared by identity.
     */
    private static final class Routed {
        static final int ALL_CLOUDFRONT = 0;
        static final int WITH_FUNCTION = 1;
        static final int UPPER = 2;
        static final int SERVED = 3;
        static final int REDIRECTED = 4;
        final String distribution;
        final ClientClass client;
        final String userAgent;
        final String day;
        final String edge;
        /** The blob, when decisions depend on it (an inventory says which replica holds which); else null. */
        final Blob blob;
        final Cell[] cells = new Cell[5];
        /** Where the edge location's requests are counted when the price table does not know it, else null. */
        Counts unknownEdge;
        /** Logged 307s the decision logs attribute, by the target's name. */
        Map<String, Cell> exact;
        /** Requests and bytes per cell, added to the tally's cells when flushed: one array per line touched. */
        final long[] sums = new long[10];

        Routed(String distribution, ClientClass client, String userAgent, String day, String edge, Blob blob) {
            this.distribution = distribution;
            this.client = client;
            this.userAgent = userAgent;
            this.day = day;
            this.edge = edge;
            this.blob = blob;
        }

        boolean is(String distribution, ClientClass client, String userAgent, String day, String edge, Blob blob) {
            return this.client == client && this.userAgent == userAgent && this.day == day && this.edge == edge
                    && this.distribution == distribution && this.blob == blob;
        }

        static int hash(String distribution, ClientClass client, String userAgent, String day, String edge, Blob blob) {
            long h = System.identityHashCode(blob);
            h = h * 0x9E3779B97F4A7C15L + System.identityHashCode(distribution);
            h = h * 0x9E3779B97F4A7C15L + client.id;
            h = h * 0x9E3779B97F4A7C15L + System.identityHashCode(userAgent);
            h = h * 0x9E3779B97F4A7C15L + System.identityHashCode(day);
            h = h * 0x9E3779B97F4A7C15L + System.identityHashCode(edge);
            return (int) (h ^ (h >>> 29));
        }
    }

    /**
     * The contexts seen lately, direct-mapped by hash: a line finds its cells with one array read
     * and no allocation; a context pushed out is flushed, and worked out again if it returns.
     */
    private final Routed[] contexts = new Routed[1 << 14];

    private final Replay primary;
    private final Replay upper;
    /** Whether a decision depends on the blob, not only on who asks, when and where. */
    private final boolean perBlob;
    private final Prices prices;
    final Map<Cell, Counts> cells = new HashMap<>();
    /** Requests and bytes per airport code the price table does not place (priced in its default region). */
    final Map<String, Counts> unknownEdges = new java.util.TreeMap<>();
    /** "distribution\tday" of the days whose logs show the function's 307s. */
    final java.util.Set<String> functionDays = new java.util.HashSet<>();
    private String lastFunctionDay;
    private String lastFunctionDistribution;
    private final Other[] others = new Other[1 << 12];
    private final Map<String, Edge> edges = new java.util.IdentityHashMap<>();
    private final Map<String, Blob> blobs = new HashMap<>();
    final Interner<Object> paths = new Interner<>(250_000, false);
    /** Dates, edge locations, distribution ids; a date carries whether it is a real day. */
    final Interner<Object> words = new Interner<>(50_000, true);
    final ClientClasses clients;
    /** The debug overrides' user agents, one String for each override that steers a request. */
    private final Map<String, String> overrides = new HashMap<>();
    private final java.util.Set<String> knownRegions;
    private final boolean debugOverrides;
    /** Records read, and of those the requests counted (the rest were problems). */
    long lines;
    long requests;
    long bytesSummed;
    /** Whether a 307's blob size times its requests overflowed a sum (only a made-up log can), so that totals were capped. */
    boolean capped;
    /** Logged 307s without a result type that no decision log line claims: counted apart, not as the function's. */
    long unknownOriginRedirects;
    long blobGets;
    long otherRequests;

    private final Decisions decisions;
    /** Logged 307s attributed by the function's own decision log line, and how many such lines were read. */
    long exactRedirects;
    final long decisionLines;

    /**
     * @param upper the second replay (the upper bound, or without replicas), or null
     * @param decisions the function's exported decision lines, to attribute logged 307s exactly
     */
    Tally(Replay primary, Replay upper, RegionMap regions, Prices prices, Decisions decisions) {
        this.primary = primary;
        this.clients = new ClientClasses(regions, primary.config().alwaysCloudFront());
        this.debugOverrides = primary.config().debugOverrides();
        this.knownRegions = java.util.Set.of(regions.regions());
        this.decisions = decisions;
        this.decisionLines = decisions.lines;
        this.upper = upper;
        this.perBlob = primary.dependsOnBlob();
        this.prices = prices;
    }

    /**
     * One request from a log; the strings are interned (the same value is the same object).
     *
     * @param path the interned cs-uri-stem
     * @param get whether the method is GET
     * @param status the HTTP status CloudFront answered with
     * @param origin who made it, for a 307; else null
     * @param bytes what CloudFront sent (sc-bytes)
     * @param fullSize the object's size when this response tells it (a full 200), else -1
     * @param userAgent the decoded user agent when it may be a debug override, else null
     * @param requestId the line's x-edge-request-id, given only for 307s the function may have
     *     made when there are decision logs to look it up in; else null
     */
    void request(String day, String distribution, String edge, ClientClass client, Interner.Entry<Object> path,
            boolean get, int status, Origin origin, long bytes, long fullSize, String userAgent,
            String requestId) {
        boolean byFunction = origin == Origin.FUNCTION;
        Decisions.Decided decided = requestId == null ? null : decisions.of(requestId);
        if (origin == Origin.UNKNOWN) {
            byFunction = decided != null && decided.outcome().redirects();
            if (!byFunction) {
                unknownOriginRedirects++;
            }
        }
        userAgent = userAgent == null ? null : override(userAgent);
        Object kind = path.value;
        if (kind == null) {
            String key = BlobKey.of(path.text());
            kind = key != null ? new BlobPath(key) : path.text().startsWith(BLOB_PATHS) ? NOT_A_BLOB_ON_BLOB_PATHS
                    : NOT_A_BLOB;
            path.value = kind;
        }
        boolean served = (status >= 200 && status < 300) || status == 304;
        if (!(kind instanceof BlobPath) || !get || !(served || byFunction)) {
            otherRequests++;
            other(day, distribution, edge, kind != NOT_A_BLOB, bytes);
            return;
        }
        // A blob is kept only once a response shows it exists: requests for made-up digests
        // (answered 404) cost no memory.
        BlobPath blobPath = (BlobPath) kind;
        if (blobPath.blob == null) {
            blobPath.blob = blobs.computeIfAbsent(blobPath.key, k -> new Blob());
        }
        Blob blob = blobPath.blob;
        blobGets++;
        if (byFunction && (day != lastFunctionDay || distribution != lastFunctionDistribution)) {
            lastFunctionDay = day;
            lastFunctionDistribution = distribution;
            functionDays.add(distribution + '\t' + day);
        }
        if (fullSize >= 0) {
            blob.size = Math.max(blob.size, fullSize); // the same rule as merging workers: the largest seen
        }
        Blob decidedFor = perBlob ? blob : null;
        int slot = Routed.hash(distribution, client, userAgent, day, edge, decidedFor) & (contexts.length - 1);
        Routed routed = contexts[slot];
        if (routed == null || !routed.is(distribution, client, userAgent, day, edge, decidedFor)) {
            if (routed != null) {
                flush(routed);
            }
            routed = route(new Routed(distribution, client, userAgent, day, edge, decidedFor), blobPath.key);
            contexts[slot] = routed;
        }
        long known = served ? bytes : -1;
        if (routed.unknownEdge != null) {
            routed.unknownEdge.requests++;
            routed.unknownEdge.bytes += served ? bytes : 0;
        }
        add(blob, routed, Routed.ALL_CLOUDFRONT, known);
        add(blob, routed, Routed.WITH_FUNCTION, known);
        if (upper != null) {
            add(blob, routed, Routed.UPPER, known);
        }
        Cell exact = served || decided == null ? null : exact(routed, decided);
        if (exact == null) {
            add(blob, routed, served ? Routed.SERVED : Routed.REDIRECTED, known);
        } else {
            exactRedirects++;
            Counts counts = cells.computeIfAbsent(exact, c -> new Counts());
            counts.requests++;
            if (blob.waiting == null) {
                blob.waiting = new HashMap<>();
            }
            blob.waiting.computeIfAbsent(exact, c -> new long[1])[0]++;
        }
    }

    /**
     * The one String of the debug override a user agent asks for (so that contexts compare by
     * identity), or null when it steers nothing: only the override decides, never the rest of
     * what a client sent.
     */
    private String override(String userAgent) {
        DebugOverride override = DebugOverride.parse(userAgent, knownRegions);
        return switch (override.kind()) {
            case NONE, VERBOSE -> null;
            case CLOUDFRONT -> "debugregistry/cloudfront";
            case LOCAL -> "debugregistry/local";
            case REGION -> overrides.computeIfAbsent(override.region(), region -> "debugregistry/" + region);
        };
    }

    /** Whether user agents can steer decisions (the configuration allows debug overrides). */
    boolean debugOverrides() {
        return debugOverrides;
    }

    /** Whether the tally has decision logs to look 307s up in. */
    boolean hasDecisions() {
        return !decisions.isEmpty();
    }

    /** The cell of a logged 307 as the function's own decision line says it went, or null when no line does. */
    private Cell exact(Routed routed, Decisions.Decided decided) {
        if (!decided.outcome().redirects() || decided.target() == null) {
            return null;
        }
        if (routed.exact == null) {
            routed.exact = new HashMap<>();
        }
        return routed.exact.computeIfAbsent(decided.target(), name -> {
            dev.registryedge.ipmap.routing.Target target = primary.target(name);
            return target == null ? null : new Cell(Cell.Scenario.ACTUAL, routed.day, routed.distribution,
                    decided.outcome(), routed.cells[Routed.SERVED].clientRegion(), target.endpoint() != null
                            ? Cell.STORE_OUTSIDE_AWS : target.region(), routed.cells[Routed.SERVED].priceRegion());
        });
    }

    private Routed route(Routed routed, String key) {
        String uri = "/" + key;
        Edge edge = edge(routed.edge);
        String priceRegion = edge.priceRegion;
        routed.unknownEdge = edge.unknown;
        Decision decision = primary.decide(routed.distribution, routed.client, uri, key, routed.userAgent);
        String client = clientRegion(decision, routed.client);
        routed.cells[Routed.ALL_CLOUDFRONT] = new Cell(Cell.Scenario.ALL_CLOUDFRONT, routed.day,
                routed.distribution, Outcome.CLOUDFRONT, client, null, priceRegion);
        routed.cells[Routed.WITH_FUNCTION] = cell(Cell.Scenario.WITH_FUNCTION, routed, decision, client, priceRegion);
        if (upper != null) {
            Decision upperDecision = upper.decide(routed.distribution, routed.client, uri, key,
                    routed.userAgent);
            routed.cells[Routed.UPPER] = cell(Cell.Scenario.WITH_FUNCTION_UPPER, routed, upperDecision,
                    clientRegion(upperDecision, routed.client), priceRegion);
        }
        routed.cells[Routed.SERVED] = new Cell(Cell.Scenario.ACTUAL, routed.day, routed.distribution,
                Outcome.CLOUDFRONT, client, null, priceRegion);
        routed.cells[Routed.REDIRECTED] = loggedRedirect(routed, decision, client, priceRegion, key);
        return routed;
    }

    /**
     * A logged 307 under the route that must have made it: of the client's chain, a checked
     * target (one the inventory, when there is one, says holds the blob) or the first unchecked
     * one. When several could have, the cell names them and is priced as the last, the sure one;
     * when none could, its outcome is null (this build's map and configuration would not redirect
     * the request).
     */
    private Cell loggedRedirect(Routed routed, Decision decision, String client, String priceRegion, String key) {
        List<Route> could = primary.couldRedirect(routed.distribution, decision, key);
        if (could.isEmpty()) {
            // Priced as if it came from the distribution's home bucket: S3 did serve it from somewhere.
            dev.registryedge.ipmap.routing.Target home = primary.home(routed.distribution);
            return new Cell(Cell.Scenario.ACTUAL, routed.day, routed.distribution, null, client,
                    home == null ? null : home.endpoint() != null ? Cell.STORE_OUTSIDE_AWS : home.region(), priceRegion);
        }
        Route priced = could.get(could.size() - 1);
        StringBuilder names = new StringBuilder();
        for (Route route : could) {
            names.append(names.length() == 0 ? "" : " or ").append(route.target().name());
        }
        return new Cell(Cell.Scenario.ACTUAL, routed.day, routed.distribution,
                priced.replica() ? Outcome.REPLICA : Outcome.BUCKET, client, priced.target().endpoint() != null
                        ? Cell.STORE_OUTSIDE_AWS : priced.target().region(), priceRegion,
                could.size() == 1 ? null : names.toString());
    }

    private static Cell cell(Cell.Scenario scenario, Routed context, Decision decision, String client,
            String priceRegion) {
        return new Cell(scenario, context.day, context.distribution, decision.outcome(), client,
                decision.target() == null ? null : decision.target().endpoint() != null ? Cell.STORE_OUTSIDE_AWS
                        : decision.target().region(), priceRegion);
    }

    /** The region the router placed the client in; else the map's (for the chart), else outside AWS. */
    private static String clientRegion(Decision decision, ClientClass client) {
        String region = decision.clientRegion();
        if (region != null && !region.equals("local")) {
            return region;
        }
        return client.region == null ? Cell.OUTSIDE_AWS : client.region;
    }

    /** What the price table says of an edge location. */
    private static final class Edge {
        final String priceRegion;
        /** Its airport's requests and bytes when the table does not place it (priced in its default region), else null. */
        final Counts unknown;

        Edge(String priceRegion, Counts unknown) {
            this.priceRegion = priceRegion;
            this.unknown = unknown;
        }
    }

    /** The edge location's price region, worked out once per (interned) edge location. */
    private Edge edge(String location) {
        if (edges.size() > 100_000) {
            edges.clear(); // only when the interner has forgotten its strings many times over
        }
        return edges.computeIfAbsent(location, l -> new Edge(prices.priceRegion(l), prices.knows(l) ? null
                : unknownEdges.computeIfAbsent(Prices.airport(l), a -> new Counts())));
    }

    /** The counts of the rest of the traffic of one day, distribution, edge location and kind of path. */
    private static final class Other {
        final String day;
        final String distribution;
        final String edge;
        final boolean onBlobPaths;
        final Counts counts;
        final Counts unknownEdge;

        Other(String day, String distribution, String edge, boolean onBlobPaths, Counts counts, Counts unknownEdge) {
            this.day = day;
            this.distribution = distribution;
            this.edge = edge;
            this.onBlobPaths = onBlobPaths;
            this.counts = counts;
            this.unknownEdge = unknownEdge;
        }
    }

    /** The rest of the traffic, counted per day, distribution and edge location; the counts found by identity, direct-mapped. */
    private void other(String day, String distribution, String edge, boolean onBlobPaths, long bytes) {
        int h = (System.identityHashCode(day) * 31 + System.identityHashCode(distribution)) * 31
                + System.identityHashCode(edge) * 2 + (onBlobPaths ? 1 : 0);
        int slot = (h ^ (h >>> 16)) & (others.length - 1);
        Other other = others[slot];
        if (other == null || other.day != day || other.distribution != distribution || other.edge != edge
                || other.onBlobPaths != onBlobPaths) {
            Edge price = edge(edge);
            other = new Other(day, distribution, edge, onBlobPaths, cells.computeIfAbsent(new Cell(onBlobPaths
                    ? Cell.Scenario.OTHER_ON_BLOB_PATHS : Cell.Scenario.OTHER, day, distribution, null, null, null,
                    price.priceRegion), c -> new Counts()), price.unknown);
            others[slot] = other;
        }
        other.counts.requests++;
        other.counts.bytes += bytes;
        if (other.unknownEdge != null) {
            other.unknownEdge.requests++;
            other.unknownEdge.bytes += bytes;
        }
    }

    private static void add(Blob blob, Routed routed, int which, long bytes) {
        routed.sums[2 * which]++;
        if (bytes >= 0) {
            routed.sums[2 * which + 1] += bytes;
        } else {
            if (blob.waiting == null) {
                blob.waiting = new HashMap<>();
            }
            blob.waiting.computeIfAbsent(routed.cells[which], c -> new long[1])[0]++;
        }
    }

    /** Adds what the remembered contexts counted to the cells; call before reading {@link #cells}. */
    void finish() {
        for (Routed routed : contexts) {
            if (routed != null) {
                flush(routed);
            }
        }
    }

    private void flush(Routed routed) {
        for (int i = 0; i < routed.cells.length; i++) {
            if (routed.sums[2 * i] > 0) {
                Counts counts = cells.computeIfAbsent(routed.cells[i], c -> new Counts());
                counts.requests += routed.sums[2 * i];
                counts.bytes += routed.sums[2 * i + 1];
                routed.sums[2 * i] = 0;
                routed.sums[2 * i + 1] = 0;
            }
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
        functionDays.addAll(other.functionDays);
        other.unknownEdges.forEach((airport, counts) -> unknownEdges.computeIfAbsent(airport, a -> new Counts())
                .add(counts));
        lines += other.lines;
        requests += other.requests;
        bytesSummed += other.bytesSummed;
        unknownOriginRedirects += other.unknownOriginRedirects;
        exactRedirects += other.exactRedirects;
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
                        long bytes = Math.multiplyHigh(blob.size, n[0]) == 0 ? blob.size * n[0] : -1;
                        if (bytes < 0 || counts.bytes + bytes < 0) {
                            capped = true;
                            counts.bytes = Long.MAX_VALUE;
                        } else {
                            counts.bytes += bytes;
                        }
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
