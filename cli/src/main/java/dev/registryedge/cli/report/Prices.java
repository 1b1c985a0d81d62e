package dev.registryedge.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The price table (data/prices.json, or {@code --prices FILE}): every figure an object with its
 * {@code value}, the date it was read ({@code asOf}) and its {@code source}. USD; GB = 2^30 bytes.
 */
public final class Prices {

    static final double GB = 1024.0 * 1024 * 1024;

    private final String file;
    private final double discount;
    private final Map<String, Double> transferPerGb = new HashMap<>();
    private final Map<String, Double> requestPer10k = new HashMap<>();
    private final Map<String, String> priceRegionByAirport = new HashMap<>();
    private final String defaultPriceRegion;
    private final double lambdaPerRequest;
    private final double s3GetPerRequest;
    private final double sameRegionPerGb;
    private final double interRegionPerGb;
    private final Map<String, Double> interRegionPairs = new HashMap<>();
    private final double internetPerGb;
    private final double outsideGetPerRequest;
    private final double outsideTransferPerGb;

    private Prices(String file, JsonNode root) {
        this.file = file;
        JsonNode cloudFront = object(root, "cloudFront");
        discount = figure(cloudFront, "cloudFront", "discount");
        if (discount < 0 || discount >= 1) {
            throw new IllegalArgumentException(file + ": cloudFront.discount.value: " + discount
                    + " is not a fraction from 0 (list price) to below 1");
        }
        JsonNode transfer = object(cloudFront, "transferOutPerGb");
        JsonNode requests = object(cloudFront, "httpsRequestsPer10k");
        for (Iterator<String> names = transfer.fieldNames(); names.hasNext(); ) {
            String region = names.next();
            transferPerGb.put(region, figure(transfer, "cloudFront.transferOutPerGb", region));
            requestPer10k.put(region, figure(requests, "cloudFront.httpsRequestsPer10k", region));
        }
        defaultPriceRegion = cloudFront.path("defaultPriceRegion").asText();
        if (!transferPerGb.containsKey(defaultPriceRegion)) {
            throw new IllegalArgumentException(file + ": cloudFront.defaultPriceRegion: '" + defaultPriceRegion
                    + "' has no price in cloudFront.transferOutPerGb");
        }
        JsonNode airports = cloudFront.path("edgeLocationPriceRegions");
        for (Iterator<Map.Entry<String, JsonNode>> regions = airports.fields(); regions.hasNext(); ) {
            Map.Entry<String, JsonNode> region = regions.next();
            if (!region.getValue().isArray()) {
                continue;
            }
            if (!transferPerGb.containsKey(region.getKey())) {
                throw new IllegalArgumentException(file + ": cloudFront.edgeLocationPriceRegions." + region.getKey()
                        + ": no such price region in cloudFront.transferOutPerGb");
            }
            region.getValue().forEach(code -> priceRegionByAirport.put(code.asText(), region.getKey()));
        }
        JsonNode lambda = object(root, "lambdaAtEdge");
        lambdaPerRequest = figure(lambda, "lambdaAtEdge", "perMillionRequests") / 1e6
                + figure(lambda, "lambdaAtEdge", "billedMillisPerRequest") / 1000.0
                * figure(lambda, "lambdaAtEdge", "memoryMb") / 1024.0 * figure(lambda, "lambdaAtEdge", "perGbSecond");
        JsonNode s3 = object(root, "s3");
        s3GetPerRequest = figure(s3, "s3", "getRequestsPer1k") / 1000.0;
        sameRegionPerGb = figure(s3, "s3", "sameRegionPerGb");
        interRegionPerGb = figure(s3, "s3", "interRegionPerGb");
        internetPerGb = figure(s3, "s3", "internetPerGb");
        JsonNode outside = object(root, "storesOutsideAws");
        outsideGetPerRequest = figure(outside, "storesOutsideAws", "getRequestsPer1k") / 1000.0;
        outsideTransferPerGb = figure(outside, "storesOutsideAws", "transferPerGb");
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

    /** The price region of an edge location such as {@code IAD89-C1}. */
    String priceRegion(String edgeLocation) {
        String airport = edgeLocation.length() >= 3 ? edgeLocation.substring(0, 3) : edgeLocation;
        return priceRegionByAirport.getOrDefault(airport, defaultPriceRegion);
    }

    /** CloudFront serving {@code requests} and {@code bytes} in a price region, after the discount. */
    double cloudFront(String priceRegion, long requests, double bytes) {
        return (bytes / GB * transferPerGb.get(priceRegion) + requests / 10_000.0 * requestPer10k.get(priceRegion))
                * (1 - discount);
    }

    /** CloudFront answering {@code requests} small responses (the 307s), after the discount. */
    double cloudFrontRequests(String priceRegion, long requests) {
        return requests / 10_000.0 * requestPer10k.get(priceRegion) * (1 - discount);
    }

    double lambda(long requests) {
        return requests * lambdaPerRequest;
    }

    /**
     * S3 GETs and their transfer to a client in {@code clientRegion} (null: outside AWS); for a
     * store outside AWS, its own request and transfer prices ({@code storesOutsideAws}).
     */
    double s3(String clientRegion, String targetRegion, long requests, double bytes) {
        if (Cell.STORE_OUTSIDE_AWS.equals(targetRegion)) {
            return requests * outsideGetPerRequest + bytes / GB * outsideTransferPerGb;
        }
        double perGb = clientRegion == null ? internetPerGb
                : clientRegion.equals(targetRegion) ? sameRegionPerGb
                : interRegionPairs.getOrDefault(clientRegion + " " + targetRegion, interRegionPerGb);
        return requests * s3GetPerRequest + bytes / GB * perGb;
    }

    double discount() {
        return discount;
    }

    String file() {
        return file;
    }

    private JsonNode object(JsonNode parent, String name) {
        JsonNode node = parent.path(name);
        if (!node.isObject()) {
            throw new IllegalArgumentException(file + ": " + name + ": missing or not an object");
        }
        return node;
    }

    private double figure(JsonNode parent, String path, String name) {
        JsonNode value = parent.path(name).path("value");
        if (!value.isNumber()) {
            throw new IllegalArgumentException(file + ": " + path + "." + name + ".value: "
                    + (value.isMissingNode() ? "missing" : "'" + value.asText() + "' is not a number"));
        }
        if (value.asDouble() < 0) {
            throw new IllegalArgumentException(file + ": " + path + "." + name + ".value: " + value.asDouble()
                    + " is negative");
        }
        return value.asDouble();
    }
}
