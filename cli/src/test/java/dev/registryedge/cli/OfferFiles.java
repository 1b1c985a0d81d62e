package dev.registryedge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Offer files in the Price List's schema, built here from AWS's documented list prices (the real
 * files cannot be downloaded in a test): {@code products} with their attributes, and
 * {@code terms.OnDemand.<sku>.<sku>.JRTCKXETXF.priceDimensions} with string ranges and prices,
 * plus products the refresh must leave alone.
 */
final class OfferFiles {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String DATE = "2026-11-20T00:00:00Z";

    /** The CloudFront tiers per location: US, Europe, ..., as on AWS's pricing page. */
    static final Map<String, double[]> CLOUDFRONT = new LinkedHashMap<>();

    static {
        CLOUDFRONT.put("United States", new double[] {0.085, 0.080, 0.060, 0.040, 0.030, 0.025, 0.020});
        CLOUDFRONT.put("Europe", new double[] {0.085, 0.080, 0.060, 0.040, 0.030, 0.025, 0.020});
        CLOUDFRONT.put("South America", new double[] {0.110, 0.105, 0.090, 0.080, 0.060, 0.050, 0.040});
        CLOUDFRONT.put("Japan", new double[] {0.114, 0.089, 0.086, 0.084, 0.080, 0.070, 0.060});
        CLOUDFRONT.put("Australia", new double[] {0.114, 0.098, 0.094, 0.092, 0.090, 0.085, 0.080});
        CLOUDFRONT.put("Asia Pacific", new double[] {0.120, 0.100, 0.095, 0.090, 0.080, 0.070, 0.060});
        CLOUDFRONT.put("India", new double[] {0.109, 0.085, 0.082, 0.080, 0.078, 0.075, 0.072});
        CLOUDFRONT.put("Middle East", new double[] {0.110, 0.105, 0.090, 0.080, 0.060, 0.050, 0.040});
    }

    static final Map<String, Double> HTTPS_PER_10K = Map.of("United States", 0.0100, "Europe", 0.0120,
            "South America", 0.0220, "Japan", 0.0120, "Australia", 0.0125, "Asia Pacific", 0.0120, "India", 0.0120,
            "Middle East", 0.0160);

    static final double[] CLOUDFRONT_TIERS_GB = {0, 10_240, 51_200, 153_600, 512_000, 1_048_576, 5_242_880};

    private final ObjectNode file = JSON.createObjectNode();
    private final ObjectNode products;
    private final ObjectNode onDemand;
    private int skus;

    OfferFiles(String offerCode) {
        file.put("formatVersion", "v1.0").put("disclaimer", "test").put("offerCode", offerCode)
                .put("version", "20261120000000").put("publicationDate", DATE);
        products = file.putObject("products");
        onDemand = file.putObject("terms").putObject("OnDemand");
    }

    /** A product and its price dimensions: {@code ranges[i]} to {@code ranges[i + 1]} ("Inf" last) at {@code usd[i]}. */
    OfferFiles product(String family, Map<String, String> attributes, String unit, double[] ranges, double[] usd) {
        String sku = String.format("SKU%013d", ++skus);
        ObjectNode product = products.putObject(sku).put("sku", sku).put("productFamily", family);
        ObjectNode attrs = product.putObject("attributes");
        attributes.forEach(attrs::put);
        ObjectNode term = onDemand.putObject(sku).putObject(sku + ".JRTCKXETXF").put("offerTermCode", "JRTCKXETXF")
                .put("sku", sku).put("effectiveDate", DATE);
        ObjectNode dimensions = term.putObject("priceDimensions");
        for (int i = 0; i < usd.length; i++) {
            dimensions.putObject(sku + ".JRTCKXETXF.RATE" + i).put("rateCode", sku + ".JRTCKXETXF.RATE" + i)
                    .put("description", "$" + usd[i] + " per " + unit).put("beginRange", plain(ranges[i]))
                    .put("endRange", i + 1 < ranges.length ? plain(ranges[i + 1]) : "Inf").put("unit", unit)
                    .putObject("pricePerUnit").put("USD", String.format("%.10f", usd[i]));
        }
        term.putObject("termAttributes");
        return this;
    }

    OfferFiles flat(String family, Map<String, String> attributes, String unit, double usd) {
        return product(family, attributes, unit, new double[] {0}, new double[] {usd});
    }

    String json() {
        return file.toString();
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** CloudFront's global offer file with the documented prices, and a few products to pass over. */
    static OfferFiles cloudFront() {
        OfferFiles offer = new OfferFiles("AmazonCloudFront");
        CLOUDFRONT.forEach((location, rates) -> {
            offer.product("Data Transfer", Map.of("servicecode", "AmazonCloudFront", "transferType",
                    "CloudFront Outbound", "fromLocation", location, "toLocation", "External", "usagetype",
                    location.substring(0, 2).toUpperCase() + "-DataTransfer-Out-Bytes"), "GB", CLOUDFRONT_TIERS_GB, rates);
            offer.flat("Request", Map.of("servicecode", "AmazonCloudFront", "location", location, "requestType",
                    "CloudFront-Request-HTTPS", "usagetype", location.substring(0, 2).toUpperCase()
                            + "-Requests-Tier2-HTTPS"), "Requests", HTTPS_PER_10K.get(location) / 10_000);
            offer.flat("Request", Map.of("servicecode", "AmazonCloudFront", "location", location, "usagetype",
                    location.substring(0, 2).toUpperCase() + "-Requests-Tier1"), "Requests", 0.0075 / 10_000);
        });
        // The free tier's own SKU, and traffic to the origin: not figures of the table.
        offer.flat("Data Transfer", Map.of("transferType", "CloudFront Outbound", "fromLocation", "Any",
                "usagetype", "Global-DataTransfer-Out-Bytes"), "GB", 0);
        offer.flat("Data Transfer", Map.of("transferType", "CloudFront to Origin", "fromLocation", "United States"),
                "GB", 0.020);
        return offer;
    }

    static OfferFiles s3() {
        OfferFiles offer = new OfferFiles("AmazonS3");
        offer.flat("API Request", Map.of("usagetype", "Requests-Tier2", "group", "S3-API-Tier2"), "Requests",
                0.0004 / 1000);
        offer.flat("API Request", Map.of("usagetype", "Requests-Tier1", "group", "S3-API-Tier1"), "Requests",
                0.005 / 1000);
        offer.product("Data Transfer", Map.of("transferType", "AWS Outbound", "fromLocation", "US East (N. Virginia)",
                "toLocation", "External", "usagetype", "DataTransfer-Out-Bytes"), "GB",
                new double[] {0, 100, 10_240, 51_200, 153_600}, new double[] {0, 0.09, 0.085, 0.07, 0.05});
        offer.flat("Data Transfer", Map.of("transferType", "InterRegion Outbound", "fromLocation",
                "US East (N. Virginia)", "toLocation", "US East (Ohio)", "usagetype", "USE1-USE2-AWS-Out-Bytes"), "GB",
                0.01);
        offer.flat("Data Transfer", Map.of("transferType", "InterRegion Outbound", "fromLocation",
                "US East (N. Virginia)", "toLocation", "US West (Oregon)", "usagetype", "USE1-USW2-AWS-Out-Bytes"),
                "GB", 0.02);
        offer.product("Storage", Map.of("volumeType", "Standard", "usagetype", "TimedStorage-ByteHrs"), "GB-Mo",
                new double[] {0, 51_200, 512_000}, new double[] {0.023, 0.022, 0.021});
        offer.flat("Storage", Map.of("volumeType", "Intelligent-Tiering Frequent Access", "usagetype",
                "TimedStorage-INT-FA-ByteHrs"), "GB-Mo", 0.023);
        return offer;
    }

    static OfferFiles lambda() {
        OfferFiles offer = new OfferFiles("AWSLambda");
        offer.flat("Serverless", Map.of("group", "AWS-Lambda-Edge-Requests", "usagetype", "Lambda-Edge-Request"),
                "Request", 0.0000006);
        offer.flat("Serverless", Map.of("group", "AWS-Lambda-Edge-Duration", "usagetype", "Lambda-Edge-GB-Second"),
                "Lambda-GB-Second", 0.00005001);
        offer.flat("Serverless", Map.of("group", "AWS-Lambda-Requests", "usagetype", "Request"), "Requests", 0.0000002);
        return offer;
    }
}
