package dev.registryedge.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The price table (data/prices.json, or {@code --prices FILE}): every figure an object with its
 * {@code value} (or, for a price by volume, its {@code tiers}), the date it was read
 * ({@code asOf}) and its {@code source}. USD; GB = 2^30 bytes and TB = 1024 GB, as AWS bills.
 */
public final class Prices {

    static final double GB = 1024.0 * 1024 * 1024;

    private final String file;
    /** When the table was last refreshed (its top-level {@code asOf}), or null when it does not say. */
    private final java.time.LocalDate asOf;
    /** CloudFront's transfer out per GB by price region, in the table's order (the free allowance's order). */
    private final Map<String, Tiers> transferPerGb = new LinkedHashMap<>();
    private final Map<String, Double> requestPer10k = new HashMap<>();
    private final double freeTransferGb;
    private final double freeRequests;
    private final double commitmentDiscount;
    private final double commitmentMinimumUsd;
    private final Map<String, String> priceRegionByAirport = new HashMap<>();
    private final String defaultPriceRegion;
    private final double lambdaPerRequest;
    private final double s3GetPerRequest;
    private final double sameRegionPerGb;
    private final double interRegionPerGb;
    private final Map<String, Double> interRegionPairs = new HashMap<>();
    private final Tiers internetPerGb;
    private final double freeInternetGb;
    private final Tiers storagePerGbMonth;
    private final double putPerRequest;
    private final String replicationSourceRegion;
    private final double outsideGetPerRequest;
    private final double outsideTransferPerGb;
    private final List<FlatRatePlans.Level> planLevels = new ArrayList<>();
    private final String lambdaAtEdgeOnPlans;

    private Prices(String file, JsonNode root) {
        this.file = file;
        String date = root.path("asOf").asText(null);
        try {
            asOf = date == null ? null : java.time.LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(file + ": asOf: '" + date + "' is not a date (yyyy-MM-dd)");
        }
        JsonNode cloudFront = object(root, "", "cloudFront");
        if (cloudFront.has("discount")) {
            throw new IllegalArgumentException(file + ": cloudFront.discount: replaced by cloudFront.commitment"
                    + " (discount, monthlyMinimumUsd): a negotiated rate comes with a monthly commitment");
        }
        JsonNode transfer = object(cloudFront, "cloudFront.", "transferOutPerGb");
        JsonNode requests = object(cloudFront, "cloudFront.", "httpsRequestsPer10k");
        for (Iterator<String> names = transfer.fieldNames(); names.hasNext(); ) {
            String region = names.next();
            transferPerGb.put(region, tiers(transfer, "cloudFront.transferOutPerGb", region));
            requestPer10k.put(region, figure(requests, "cloudFront.httpsRequestsPer10k", region));
        }
        JsonNode free = cloudFront.path("freeTier");
        freeTransferGb = free.has("transferOutGb") ? figure(free, "cloudFront.freeTier", "transferOutGb") : 0;
        freeRequests = free.has("requests") ? figure(free, "cloudFront.freeTier", "requests") : 0;
        JsonNode commitment = cloudFront.path("commitment");
        commitmentDiscount = commitment.has("discount") ? figure(commitment, "cloudFront.commitment", "discount") : 0;
        if (commitmentDiscount >= 1) {
            throw new IllegalArgumentException(file + ": cloudFront.commitment.discount.value: " + commitmentDiscount
                    + " is not a fraction from 0 (list price) to below 1");
        }
        commitmentMinimumUsd = commitment.has("monthlyMinimumUsd")
                ? figure(commitment, "cloudFront.commitment", "monthlyMinimumUsd") : 0;
        defaultPriceRegion = cloudFront.path("defaultPriceRegion").asText();
        if (!transferPerGb.containsKey(defaultPriceRegion)) {
            throw new IllegalArgumentException(file + ": cloudFront.defaultPriceRegion: '" + defaultPriceRegion
                    + "' has no price in cloudFront.transferOutPerGb");
        }
        JsonNode airports = cloudFront.path("edgeLocationPriceRegions");
        for (Iterator<Map.Entry<String, JsonNode>> regions = airports.fields(); regions.hasNext(); ) {
            Map.Entry<String, JsonNode> region = regions.next();
            if (region.getKey().equals("comment")) {
                continue;
            }
            if (!region.getValue().isArray()) {
                throw new IllegalArgumentException(file + ": cloudFront.edgeLocationPriceRegions." + region.getKey()
                        + ": not a list of airport codes");
            }
            if (!transferPerGb.containsKey(region.getKey())) {
                throw new IllegalArgumentException(file + ": cloudFront.edgeLocationPriceRegions." + region.getKey()
                        + ": no such price region in cloudFront.transferOutPerGb");
            }
            region.getValue().forEach(code -> priceRegionByAirport.put(code.asText(), region.getKey()));
        }
        JsonNode lambda = object(root, "", "lambdaAtEdge");
        lambdaPerRequest = figure(lambda, "lambdaAtEdge", "perMillionRequests") / 1e6
                + figure(lambda, "lambdaAtEdge", "billedMillisPerRequest") / 1000.0
                * figure(lambda, "lambdaAtEdge", "memoryMb") / 1024.0 * figure(lambda, "lambdaAtEdge", "perGbSecond");
        JsonNode s3 = object(root, "", "s3");
        s3GetPerRequest = figure(s3, "s3", "getRequestsPer1k") / 1000.0;
        sameRegionPerGb = figure(s3, "s3", "sameRegionPerGb");
        interRegionPerGb = figure(s3, "s3", "interRegionPerGb");
        internetPerGb = tiers(s3, "s3", "internetPerGb");
        freeInternetGb = s3.has("freeInternetGb") ? figure(s3, "s3", "freeInternetGb") : 0;
        storagePerGbMonth = tiers(s3, "s3", "storagePerGbMonth");
        putPerRequest = figure(s3, "s3", "putRequestsPer1k") / 1000.0;
        replicationSourceRegion = text(s3, "s3", "replicationSourceRegion", "us-east-1");
        JsonNode outside = object(root, "", "storesOutsideAws");
        outsideGetPerRequest = figure(outside, "storesOutsideAws", "getRequestsPer1k") / 1000.0;
        outsideTransferPerGb = figure(outside, "storesOutsideAws", "transferPerGb");
        JsonNode plans = cloudFront.path("flatRatePlans");
        JsonNode levels = plans.path("levels");
        if (!levels.isMissingNode() && !levels.isArray()) {
            throw new IllegalArgumentException(file + ": cloudFront.flatRatePlans.levels: not a list");
        }
        for (int i = 0; i < levels.size(); i++) {
            JsonNode level = levels.get(i);
            String where = "cloudFront.flatRatePlans.levels[" + i + "]";
            if (!level.path("plan").isTextual()) {
                throw new IllegalArgumentException(file + ": " + where + ".plan: missing or not text");
            }
            planLevels.add(new FlatRatePlans.Level(level.get("plan").asText(), level.path("usageLevel").asText("default"),
                    figure(level, where, "monthlyUsd"), figure(level, where, "requests"),
                    figure(level, where, "transferGb")));
        }
        lambdaAtEdgeOnPlans = text(plans, "cloudFront.flatRatePlans", "lambdaAtEdge", "sources disagree");
        if (!List.of("allowed", "not allowed", "sources disagree").contains(lambdaAtEdgeOnPlans)) {
            throw new IllegalArgumentException(file + ": cloudFront.flatRatePlans.lambdaAtEdge.value: '"
                    + lambdaAtEdgeOnPlans + "' is not allowed, not allowed or sources disagree");
        }
        JsonNode pairs = s3.path("interRegionPerGbPairs");
        for (Iterator<String> names = pairs.fieldNames(); names.hasNext(); ) {
            String pair = names.next();
            String[] regions = pair.split(" ");
            if (regions.length != 2) {
                throw new IllegalArgumentException(file + ": s3.interRegionPerGbPairs: '" + pair
                        + "' is not two regions separated by a space");
            }
            double value = figure(pairs, "s3.interRegionPerGbPairs", pair);
            interRegionPairs.put(regions[0] + " " + regions[1], value);
            interRegionPairs.put(regions[1] + " " + regions[0], value);
        }
    }

    /** Reads and checks a price table; the message names the file, the field and the value. */
    public static Prices read(String file, InputStream json) {
        try {
            return new Prices(file, new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not JSON (" + e.getMessage() + ")");
        }
    }

    /** The checked-in table, as compiled into the jar. */
    public static Prices builtIn() {
        try (InputStream in = Prices.class.getResourceAsStream("/registry-edge/prices.json")) {
            return read("data/prices.json", in);
        } catch (IOException e) {
            throw new IllegalStateException("data/prices.json is missing from the jar", e);
        }
    }

    /** The price region of an edge location such as {@code IAD89-C1}; the default one for a code not in the table. */
    String priceRegion(String edgeLocation) {
        return priceRegionByAirport.getOrDefault(airport(edgeLocation), defaultPriceRegion);
    }

    /** Whether the table names the price region of this edge location's airport code. */
    boolean knows(String edgeLocation) {
        return priceRegionByAirport.containsKey(airport(edgeLocation));
    }

    static String airport(String edgeLocation) {
        return edgeLocation.length() >= 3 ? edgeLocation.substring(0, 3) : edgeLocation;
    }

    /** The price regions in the table's order, in which the free allowance is used up. */
    Iterable<String> priceRegions() {
        return transferPerGb.keySet();
    }

    Tiers transferPerGb(String priceRegion) {
        return transferPerGb.get(priceRegion);
    }

    double requestPer10k(String priceRegion) {
        return requestPer10k.get(priceRegion);
    }

    double freeTransferGb() {
        return freeTransferGb;
    }

    double freeRequests() {
        return freeRequests;
    }

    double commitmentDiscount() {
        return commitmentDiscount;
    }

    double commitmentMinimumUsd() {
        return commitmentMinimumUsd;
    }

    String defaultPriceRegion() {
        return defaultPriceRegion;
    }

    double lambdaPerRequest() {
        return lambdaPerRequest;
    }

    Tiers internetPerGb() {
        return internetPerGb;
    }

    double freeInternetGb() {
        return freeInternetGb;
    }

    /** S3 Standard storage by volume, per GB-month. */
    Tiers storagePerGbMonth() {
        return storagePerGbMonth;
    }

    /** A PUT (what replication writes each object with). */
    double putPerRequest() {
        return putPerRequest;
    }

    /** The region replicas are copied from: where the registries' buckets are. */
    String replicationSourceRegion() {
        return replicationSourceRegion;
    }

    /**
     * What S3 charges at a flat rate for GETs and their transfer to a client in
     * {@code clientRegion} (null: outside AWS, whose transfer {@link #internetPerGb()} prices by
     * volume, so it is left out here); for a store outside AWS, its own request and transfer
     * prices ({@code storesOutsideAws}).
     */
    double s3Flat(String clientRegion, String targetRegion, long requests, double bytes) {
        if (Cell.STORE_OUTSIDE_AWS.equals(targetRegion)) {
            return requests * outsideGetPerRequest + bytes / GB * outsideTransferPerGb;
        }
        double perGb = clientRegion == null ? 0
                : clientRegion.equals(targetRegion) ? sameRegionPerGb
                : interRegionPairs.getOrDefault(clientRegion + " " + targetRegion, interRegionPerGb);
        return requests * s3GetPerRequest + bytes / GB * perGb;
    }

    String file() {
        return file;
    }

    java.time.LocalDate asOf() {
        return asOf;
    }

    /** CloudFront's flat-rate plans and their usage levels, as the table lists them; empty when it has none. */
    List<FlatRatePlans.Level> flatRatePlans() {
        return planLevels;
    }

    /** Whether AWS allows Lambda@Edge on a distribution with a flat-rate plan, as far as the table's sources say. */
    String lambdaAtEdgeOnPlans() {
        return lambdaAtEdgeOnPlans;
    }

    private JsonNode object(JsonNode parent, String path, String name) {
        JsonNode node = parent.path(name);
        if (!node.isObject()) {
            throw new IllegalArgumentException(file + ": " + path + name + ": missing or not an object");
        }
        return node;
    }

    /** A price by volume: {@code tiers} of {@code fromGb} (ascending from 0) and {@code value}; or a flat {@code value}. */
    private Tiers tiers(JsonNode parent, String path, String name) {
        JsonNode tiers = parent.path(name).path("tiers");
        if (tiers.isMissingNode()) {
            return Tiers.flat(figure(parent, path, name));
        }
        String where = path + "." + name + ".tiers";
        if (!tiers.isArray() || tiers.isEmpty()) {
            throw new IllegalArgumentException(file + ": " + where + ": not a list of {fromGb, value}");
        }
        List<double[]> steps = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            double from = figureAt(tiers.get(i), where + "[" + i + "]", "fromGb");
            double rate = figureAt(tiers.get(i), where + "[" + i + "]", "value");
            double previous = steps.isEmpty() ? -1 : steps.get(steps.size() - 1)[0];
            if (i == 0 ? from != 0 : from <= previous) {
                throw new IllegalArgumentException(file + ": " + where + "[" + i + "].fromGb: " + from
                        + (i == 0 ? " must be 0: the first tier starts the month" : " is not above the tier before"));
            }
            steps.add(new double[] {from, rate});
        }
        return Tiers.of(steps);
    }

    /** A figure whose value is text ({@code {"value": "...", ...}}), or the default when the table has none. */
    private String text(JsonNode parent, String path, String name, String absent) {
        JsonNode node = parent.path(name);
        if (node.isMissingNode()) {
            return absent;
        }
        if (!node.path("value").isTextual()) {
            throw new IllegalArgumentException(file + ": " + path + "." + name + ".value: missing or not text");
        }
        return node.get("value").asText();
    }

    private double figure(JsonNode parent, String path, String name) {
        return figureAt(parent.path(name), path + "." + name, "value");
    }

    private double figureAt(JsonNode node, String path, String name) {
        JsonNode value = node.path(name);
        if (!value.isNumber()) {
            throw new IllegalArgumentException(file + ": " + path + "." + name + ": "
                    + (value.isMissingNode() ? "missing" : "'" + value.asText() + "' is not a number"));
        }
        if (value.asDouble() < 0 || !Double.isFinite(value.asDouble())) {
            throw new IllegalArgumentException(file + ": " + path + "." + name + ": " + value.asText()
                    + (value.asDouble() < 0 ? " is negative" : " is not a finite number"));
        }
        return value.asDouble();
    }
}
