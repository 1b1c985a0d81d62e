package dev.registryedge.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryedge.handler.core.Outcome;
import dev.registryedge.ipmap.lookup.RegionMap;
import dev.registryedge.ipmap.routing.Distribution;
import dev.registryedge.ipmap.routing.RoutingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * What the function saves, or would save, from CloudFront's standard logs: every blob GET
 * replayed through the routing core ({@link Replay}), tallied per outcome, day, distribution and
 * client region ({@link Tally}, one per worker, files read in parallel), then priced
 * ({@link Prices}). The result is one JSON document; the terminal summary and the HTML page are
 * drawn from it.
 */
public final class SavingsReport {

    /** What is assumed of the targets the function checks (replicas, caches): their contents are unknown offline. */
    public enum Replicas { NONE, ALL, INVENTORY }

    /** The fields of a Plain log file when none are named: the standard fields, in their legacy order. */
    public static final List<String> STANDARD_FIELDS = DelimitedLog.STANDARD_FIELDS;

    /** Whether a name is a field CloudFront's access logs can have (for {@code --fields}). */
    public static boolean isLogField(String name) {
        return LogField.isKnown(name);
    }

    /** What is wrong with the fields given for Plain files, or null. */
    public static String refusalOfFields(List<String> fields) {
        return DelimitedLog.refusal(fields);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] OUTCOMES = {"CLOUDFRONT", "BUCKET", "REPLICA"};

    /**
     * What to read and how.
     *
     * @param distribution the distribution of every file, instead of the one its name says; may be null
     * @param replicas what to assume of checked targets; null for both bounds (none, and all)
     * @param inventory the S3 Inventory listing (CSV, gzip or not) for {@link Replicas#INVENTORY}
     * @param progress where to draw a progress line, or null
     * @param plainFields the fields of Plain log files (which have no header), in order
     */
    public record Request(List<Path> inputs, String distribution, Replicas replicas, Path inventory,
            Prices prices, int threads, PrintStream progress, Bill.Elsewhere elsewhere, List<Path> decisions,
            List<String> plainFields) {

        /** Plain files with the standard fields in their standard order. */
        public Request(List<Path> inputs, String distribution, Replicas replicas, Path inventory, Prices prices,
                int threads, PrintStream progress, Bill.Elsewhere elsewhere, List<Path> decisions) {
            this(inputs, distribution, replicas, inventory, prices, threads, progress, elsewhere, decisions,
                    DelimitedLog.STANDARD_FIELDS);
        }

        /** A request that takes the logs as the account's whole CloudFront usage, with no decision logs. */
        public Request(List<Path> inputs, String distribution, Replicas replicas, Path inventory, Prices prices,
                int threads, PrintStream progress) {
            this(inputs, distribution, replicas, inventory, prices, threads, progress, Bill.Elsewhere.NONE, List.of());
        }

        /** With usage billed elsewhere, and no decision logs. */
        public Request(List<Path> inputs, String distribution, Replicas replicas, Path inventory, Prices prices,
                int threads, PrintStream progress, Bill.Elsewhere elsewhere) {
            this(inputs, distribution, replicas, inventory, prices, threads, progress, elsewhere, List.of());
        }
    }

    /** The report, and whether anything could be read at all. */
    public record Result(ObjectNode json, boolean readAnything) {}

    private final RoutingConfig config;
    private final RegionMap regions;

    public SavingsReport(RoutingConfig config, RegionMap regions) {
        this.config = config;
        this.regions = regions;
    }

    /** @throws IllegalArgumentException when an input or the inventory cannot be listed or read */
    public Result run(Request request) throws InterruptedException {
        List<Path> files = files(request.inputs());
        Problems problems = new Problems();
        Inventory held = request.replicas() == Replicas.INVENTORY ? Inventory.read(request.inventory(), problems)
                : Inventory.NONE;
        Set<String> inventory = held.objects();
        Decisions decisions = request.decisions().isEmpty() ? Decisions.NONE : Decisions.read(request.decisions(),
                problems);
        Replicas primary = request.replicas() == null ? Replicas.NONE : request.replicas();
        Queue<Path> queue = new ConcurrentLinkedQueue<>(files);
        AtomicInteger done = new AtomicInteger();
        AtomicLong readable = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        List<Tally> tallies = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < Math.max(1, Math.min(request.threads(), files.size())); i++) {
            // The second replay: the upper bound (replicas all) without an assumption; with an
            // inventory, the same requests without any replica, to tell what the replicas save.
            Replay second = request.replicas() == null ? new Replay(config, regions, Replicas.ALL, inventory)
                    : primary == Replicas.INVENTORY ? new Replay(config, regions, Replicas.NONE, inventory) : null;
            Tally tally = new Tally(new Replay(config, regions, primary, inventory), second, regions,
                    request.prices(), decisions);
            tallies.add(tally);
            Thread worker = new Thread(() -> {
                try {
                    for (Path file; (file = queue.poll()) != null; ) {
                        String distribution = request.distribution() != null ? request.distribution()
                                : LogFile.distributionOf(file, config.distributions().keySet());
                        if (LogFile.read(file, request.plainFields(), distribution == null ? null
                                : distribution.intern(), tally, problems)) {
                            readable.incrementAndGet();
                        }
                        done.incrementAndGet();
                    }
                } catch (RuntimeException | Error e) {
                    // Never a quietly smaller total: the whole report fails.
                    failure.compareAndSet(null, e);
                    queue.clear();
                }
            }, "report-" + i);
            worker.start();
            workers.add(worker);
        }
        Progress progress = new Progress(request.progress(), files.size(), done, tallies);
        for (Thread worker : workers) {
            for (worker.join(250); worker.isAlive(); worker.join(250)) {
                progress.draw();
            }
        }
        progress.finish();
        if (failure.get() != null) {
            throw new IllegalStateException("reading the logs failed: " + failure.get(), failure.get());
        }
        tallies.forEach(Tally::finish);
        Tally all = tallies.get(0);
        tallies.subList(1, tallies.size()).forEach(all::merge);
        all.resolve();
        if (all.capped) {
            problems.add("(all logs)", 0, "the 307s' blob sizes add up to more bytes than can be summed; totals"
                    + " are capped");
        }
        ObjectNode json = json(all, files.size(), problems, request, primary, held);
        return new Result(json, readable.get() > 0);
    }

    private ObjectNode json(Tally tally, int files, Problems problems, Request request, Replicas primary,
            Inventory held) {
        Prices prices = request.prices();
        Bill.Elsewhere elsewhere = request.elsewhere();
        ObjectNode root = JSON.createObjectNode();
        ObjectNode input = root.putObject("input");
        input.put("files", files);
        input.put("lines", tally.lines);
        input.put("blobGets", tally.blobGets);
        input.put("otherRequests", tally.otherRequests);
        input.put("redirectsOfUnknownOrigin", tally.unknownOriginRedirects);
        input.put("distinctBlobs", tally.distinctBlobs());
        input.put("problems", problems.count() + tally.unknownEdges.size());
        problems.examples().forEach(input.putArray("problemExamples")::add);
        ObjectNode unknownEdges = input.putObject("unknownEdgeLocations");
        tally.unknownEdges.forEach((airport, counts) -> unknownEdges.putObject(airport)
                .put("requests", counts.requests).put("bytes", counts.bytes));
        root.put("replicas", request.replicas() == null ? "none (upper bound: all)"
                : request.replicas().name().toLowerCase(java.util.Locale.ROOT));
        ObjectNode pricesNode = root.putObject("prices").put("file", prices.file());
        if (prices.asOf() != null) {
            pricesNode.put("asOf", prices.asOf().toString());
        } else {
            pricesNode.putNull("asOf");
        }
        pricesNode.putObject("cloudFrontCommitment").put("discount", prices.commitmentDiscount())
                .put("monthlyMinimumUsd", prices.commitmentMinimumUsd());
        ObjectNode basis = root.putObject("billing");
        basis.put("basis", elsewhere.cloudFrontGb() == 0 && elsewhere.cloudFrontRequests() == 0
                ? "the logs are the account's whole CloudFront usage" : "the logs and the usage billed elsewhere");
        basis.put("freeTier", elsewhere.freeTierUsed() ? "used elsewhere" : "available");
        basis.put("elsewhereCloudFrontGbPerMonth", elsewhere.cloudFrontGb());
        basis.put("elsewhereCloudFrontRequestsPerMonth", elsewhere.cloudFrontRequests());

        Bill bill = new Bill(prices, tally.cells, elsewhere, tally.functionDays);
        Sums overall = new Sums();
        Map<String, Sums> byDistribution = new TreeMap<>();
        Map<String, Sums> byDay = new TreeMap<>();
        Map<String, Sums> byRegion = new TreeMap<>();
        Map<String, Sums> byMonth = new TreeMap<>();
        Sums upper = new Sums();
        Sums actual = new Sums();
        Map<String, FlatRatePlans> plans = new TreeMap<>();
        // In one order every run, so that the sums round alike on every machine.
        List<Map.Entry<Cell, Counts>> cells = new ArrayList<>(tally.cells.entrySet());
        cells.sort(Map.Entry.comparingByKey(java.util.Comparator.comparing(Cell::toString)));
        cells.forEach(entry -> {
            Cell cell = entry.getKey();
            Counts counts = entry.getValue();
            double cost = bill.cost(cell, counts);
            String month = Bill.month(cell);
            FlatRatePlans distributionPlans = plans.computeIfAbsent(cell.distribution(), d -> new FlatRatePlans(prices));
            switch (cell.scenario()) {
                case ALL_CLOUDFRONT, WITH_FUNCTION -> {
                    boolean function = cell.scenario() == Cell.Scenario.WITH_FUNCTION;
                    FlatRatePlans.Month planMonth = distributionPlans.month(function, month);
                    double[] payAsYouGo = bill.payAsYouGo(cell.scenario(), cell, counts);
                    planMonth.requests += counts.requests;
                    planMonth.gb += cell.outcome() == Outcome.CLOUDFRONT ? counts.bytes / Prices.GB : 0;
                    planMonth.cloudFrontUsd += payAsYouGo[0];
                    planMonth.otherUsd += payAsYouGo[1];
                    overall.add(cell, counts, cost);
                    byDistribution.computeIfAbsent(cell.distribution(), d -> new Sums()).add(cell, counts, cost);
                    byDay.computeIfAbsent(cell.day(), d -> new Sums()).add(cell, counts, cost);
                    byRegion.computeIfAbsent(cell.clientRegion(), d -> new Sums()).add(cell, counts, cost);
                    byMonth.computeIfAbsent(month, d -> new Sums()).add(cell, counts, cost);
                }
                case WITH_FUNCTION_UPPER -> upper.add(cell, counts, cost);
                case ACTUAL -> actual.add(cell, counts, cost);
                case OTHER_ON_BLOB_PATHS, OTHER -> {
                    // The same traffic in both scenarios, on the distribution's plan too; the
                    // function runs on that of the blob paths.
                    double function = bill.functionOnOtherRequests(cell, counts);
                    for (boolean withFunction : new boolean[] {false, true}) {
                        FlatRatePlans.Month planMonth = distributionPlans.month(withFunction, month);
                        double[] payAsYouGo = bill.payAsYouGo(withFunction ? Cell.Scenario.WITH_FUNCTION
                                : Cell.Scenario.ALL_CLOUDFRONT, cell, counts);
                        planMonth.requests += counts.requests;
                        planMonth.gb += counts.bytes / Prices.GB;
                        planMonth.cloudFrontUsd += payAsYouGo[0];
                        planMonth.otherUsd += payAsYouGo[1];
                    }
                    if (cell.scenario() == Cell.Scenario.OTHER) {
                        return;
                    }
                    for (Sums sums : List.of(overall, upper,
                            byDistribution.computeIfAbsent(cell.distribution(), d -> new Sums()),
                            byDay.computeIfAbsent(cell.day(), d -> new Sums()),
                            byMonth.computeIfAbsent(month, d -> new Sums()))) {
                        sums.addFunctionOnOtherRequests(counts, function);
                    }
                    // What happened: the function's charge only where the logs show it ran.
                    if (bill.functionRan(cell.distribution(), cell.day())) {
                        actual.addFunctionOnOtherRequests(counts, function);
                    }
                }
                default -> throw new IllegalStateException(cell.scenario().name());
            }
        });
        overall.write(root);
        ObjectNode distributions = root.putObject("distributions");
        // In the configuration's order, as every command lists them; ids it does not know after.
        Map<String, Sums> inOrder = new java.util.LinkedHashMap<>();
        config.distributions().keySet().stream().filter(byDistribution::containsKey)
                .forEach(id -> inOrder.put(id, byDistribution.get(id)));
        byDistribution.forEach(inOrder::putIfAbsent);
        inOrder.forEach((id, sums) -> {
            ObjectNode node = distributions.putObject(id);
            Distribution distribution = config.distributions().get(id);
            node.put("name", distribution == null ? "not in the routing configuration" : distribution.name());
            sums.write(node);
            if (!prices.flatRatePlans().isEmpty()) {
                plans.get(id).write(node.putObject("flatRate"));
            }
        });
        ObjectNode days = root.putObject("days");
        byDay.forEach((day, sums) -> sums.write(days.putObject(day)));
        ObjectNode months = basis.putObject("months");
        byMonth.forEach((month, sums) -> {
            ObjectNode node = months.putObject(month);
            node.put("coverage", round(bill.coverage(month)));
            sums.write(node);
        });
        ObjectNode clientRegions = root.putObject("clientRegions");
        byRegion.forEach((region, sums) -> sums.write(clientRegions.putObject(region)));
        if (request.replicas() == null) {
            upper.baseline = overall.baseline;
            ObjectNode node = root.putObject("upperBound");
            node.put("replicas", "all");
            upper.write(node);
        }
        if (primary == Replicas.INVENTORY) {
            upper.baseline = overall.baseline;
            ObjectNode without = root.putObject("withoutReplicas");
            upper.write(without);
            replicaCosts(root.putObject("replicaCosts"), held, prices, byDay.size(),
                    without.at("/usd/withFunction").asDouble() - root.at("/usd/withFunction").asDouble());
        }
        actual.baseline = overall.baseline;
        ObjectNode actualNode = root.putObject("actual");
        actual.write(actualNode);
        actualNode.set("unattributedRedirects", Sums.counts(actual.unattributed, actual.unattributedUsd));
        ObjectNode ambiguous = Sums.counts(actual.ambiguous, actual.ambiguousUsd);
        ObjectNode routes = ambiguous.putObject("routes");
        actual.ambiguousRoutes.forEach(routes::put);
        actualNode.set("ambiguousRedirects", ambiguous);
        actualNode.putObject("decisionLogs").put("lines", request.decisions().isEmpty() ? 0 : tally.decisionLines)
                .put("redirectsAttributed", tally.exactRedirects);
        return root;
    }

    /**
     * What keeping the replicas costs beside what they save: their storage over the days the logs
     * cover (an average month being 30.4375 days), and, once, the replication transfer and PUTs of
     * what they hold, from the region the registries' buckets are in.
     */
    private void replicaCosts(ObjectNode node, Inventory held, Prices prices, int days, double saved) {
        String source = prices.replicationSourceRegion();
        node.put("sourceRegion", source);
        node.put("periodDays", days);
        node.put("sizesKnown", held.sizes());
        ObjectNode buckets = node.putObject("buckets");
        double storagePerMonth = 0;
        double replication = 0;
        for (Map.Entry<String, long[]> bucket : held.buckets().entrySet()) {
            String region = config.distributions().values().stream().flatMap(d -> d.routes().values().stream())
                    .flatMap(List::stream).map(r -> r.target()).filter(t -> t.bucket().equals(bucket.getKey()))
                    .map(t -> t.region()).findFirst().orElse(null);
            double gb = bucket.getValue()[1] / Prices.GB;
            double storage = prices.storagePerGbMonth().cost(0, gb);
            double copied = prices.s3Flat(region, source, 0, bucket.getValue()[1])
                    + bucket.getValue()[0] * prices.putPerRequest();
            storagePerMonth += storage;
            replication += copied;
            ObjectNode out = buckets.putObject(bucket.getKey()).put("region", region)
                    .put("objects", bucket.getValue()[0]).put("bytes", bucket.getValue()[1])
                    .put("storageUsdPerMonth", round(storage)).put("replicationUsd", round(copied));
            if (region == null) {
                out.put("note", "no target of the routing configuration is this bucket: its region is unknown, so"
                        + " copying into it is priced as within one region");
            }
        }
        double storage = storagePerMonth * days / 30.4375;
        node.put("storageUsdPerMonth", round(storagePerMonth));
        node.put("storageUsd", round(storage));
        node.put("replicationUsd", round(replication));
        node.put("savedByReplicasUsd", round(saved));
        node.put("netUsd", round(saved - storage));
    }

    /** Counts and dollars per outcome, and the all-CloudFront baseline for the same requests. */
    private static final class Sums {
        final Map<String, Counts> counts = new TreeMap<>();
        final Map<String, Double> usd = new TreeMap<>();
        final Counts unattributed = new Counts();
        double unattributedUsd;
        final Counts ambiguous = new Counts();
        double ambiguousUsd;
        final Map<String, Long> ambiguousRoutes = new TreeMap<>();
        final Counts functionOnOther = new Counts();
        double functionOnOtherUsd;
        double baseline;

        /** The function's charge for running on HEADs and errors of the blob paths. */
        void addFunctionOnOtherRequests(Counts c, double cost) {
            functionOnOther.add(c);
            functionOnOtherUsd += cost;
        }

        void add(Cell cell, Counts c, double cost) {
            if (cell.scenario() == Cell.Scenario.ALL_CLOUDFRONT) {
                baseline += cost;
                return;
            }
            if (cell.outcome() == null) {
                unattributed.add(c);
                unattributedUsd += cost;
                return;
            }
            if (cell.candidates() != null) {
                ambiguous.add(c);
                ambiguousUsd += cost;
                ambiguousRoutes.merge(cell.candidates(), c.requests, Long::sum);
                return;
            }
            counts.computeIfAbsent(cell.outcome().name(), o -> new Counts()).add(c);
            usd.merge(cell.outcome().name(), cost, Double::sum);
        }

        void write(ObjectNode node) {
            ObjectNode totals = node.putObject("totals");
            double total = unattributedUsd + ambiguousUsd + functionOnOtherUsd;
            for (String outcome : OUTCOMES) {
                Counts c = counts.getOrDefault(outcome, new Counts());
                double cost = usd.getOrDefault(outcome, 0.0);
                total += cost;
                totals.set(outcome, Sums.counts(c, cost));
            }
            node.putObject("functionOnOtherRequests").put("requests", functionOnOther.requests)
                    .put("usd", round(functionOnOtherUsd));
            node.putObject("usd").put("withFunction", round(total)).put("allCloudFront", round(baseline))
                    .put("savings", round(baseline - total));
        }

        static ObjectNode counts(Counts c, double cost) {
            return JSON.createObjectNode().put("requests", c.requests).put("bytes", c.bytes)
                    .put("unknownBytesRequests", c.unknownBytesRequests).put("usd", round(cost));
        }
    }

    /** To a millionth of a dollar: exact enough for any bill, and the same on every machine. */
    static double round(double usd) {
        return BigDecimal.valueOf(usd).setScale(6, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static List<Path> files(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new IllegalArgumentException(input + ": cannot be listed (" + e.getMessage() + ")");
                }
            } else if (Files.isRegularFile(input)) {
                files.add(input);
            } else {
                throw new IllegalArgumentException(input + ": no such file or directory");
            }
        }
        return files;
    }

    /** A line on standard error, redrawn in place while the files are read. */
    private static final class Progress {
        private final PrintStream out;
        private final int files;
        private final AtomicInteger done;
        private final List<Tally> tallies;
        private final long started = System.nanoTime();

        Progress(PrintStream out, int files, AtomicInteger done, List<Tally> tallies) {
            this.out = out;
            this.files = files;
            this.done = done;
            this.tallies = tallies;
        }

        void draw() {
            if (out == null) {
                return;
            }
            long lines = 0;
            for (Tally tally : tallies) {
                lines += tally.lines; // a racy read is fine for a progress line
            }
            int width = 30;
            int filled = files == 0 ? width : done.get() * width / files;
            out.printf("\r[%s%s] %d/%d files, %,d lines, %d s ", "#".repeat(filled), ".".repeat(width - filled),
                    done.get(), files, lines, (System.nanoTime() - started) / 1_000_000_000L);
            out.flush();
        }

        void finish() {
            if (out != null) {
                draw();
                out.println();
            }
        }
    }
}
