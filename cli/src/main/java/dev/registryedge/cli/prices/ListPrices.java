package dev.registryedge.cli.prices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The figures of the price table that AWS's Price List carries, taken out of the offer files of
 * CloudFront (global), S3 and Lambda (us-east-1): CloudFront's transfer out by tier and its HTTPS
 * requests for each price region, S3's GETs, PUTs and Standard storage, its transfer to the
 * internet by tier (a first tier at $0 is its free allowance) and to other regions, and
 * Lambda@Edge's requests and duration.
 * Everything else in the table (the free tier, flat-rate plans, edge locations, stores outside
 * AWS, the function's memory and billed time, your commitment) is kept by hand.
 */
final class ListPrices {

    /** A figure of the table ({@code path} as in data/prices.json) and its new value: a number, or tiers. */
    record Figure(String path, JsonNode value, String source, String asOf) {}

    /** The Price List's CloudFront locations, for the table's price regions. */
    static final Map<String, String> CLOUDFRONT_REGIONS = new LinkedHashMap<>();

    static {
        CLOUDFRONT_REGIONS.put("United States", "north-america");
        CLOUDFRONT_REGIONS.put("Europe", "europe");
        CLOUDFRONT_REGIONS.put("South America", "south-america");
        CLOUDFRONT_REGIONS.put("Japan", "japan");
        CLOUDFRONT_REGIONS.put("Australia", "australia");
        CLOUDFRONT_REGIONS.put("Asia Pacific", "asia");
        CLOUDFRONT_REGIONS.put("India", "india");
        CLOUDFRONT_REGIONS.put("Middle East", "middle-east-africa");
    }

    static final String S3_REGION = "US East (N. Virginia)";
    /** Where S3 data goes in the pair the table names, and where "another region" is priced. */
    static final String PAIR_REGION = "US East (Ohio)";
    static final String OTHER_REGION = "US West (Oregon)";

    static final Predicate<OfferFile.Product> CLOUDFRONT = p -> (p.productFamily().equals("Data Transfer")
            && p.attribute("transferType").equals("CloudFront Outbound")
            && CLOUDFRONT_REGIONS.containsKey(p.attribute("fromLocation")))
            || (p.productFamily().equals("Request") && p.attribute("usagetype").endsWith("-Requests-Tier2-HTTPS")
            && CLOUDFRONT_REGIONS.containsKey(p.attribute("location")));

    static final Predicate<OfferFile.Product> S3 = p -> (p.productFamily().equals("API Request")
            && (p.attribute("usagetype").equals("Requests-Tier2") || p.attribute("usagetype").equals("Requests-Tier1")))
            || (p.productFamily().equals("Storage") && p.attribute("volumeType").equals("Standard")
            && p.attribute("usagetype").equals("TimedStorage-ByteHrs"))
            || (p.productFamily().equals("Data Transfer") && p.attribute("fromLocation").equals(S3_REGION)
            && ((p.attribute("transferType").equals("AWS Outbound") && p.attribute("toLocation").equals("External"))
            || (p.attribute("transferType").equals("InterRegion Outbound")
            && (p.attribute("toLocation").equals(PAIR_REGION) || p.attribute("toLocation").equals(OTHER_REGION)))));

    static final Predicate<OfferFile.Product> LAMBDA = p -> p.attribute("group").equals("AWS-Lambda-Edge-Requests")
            || p.attribute("group").equals("AWS-Lambda-Edge-Duration");

    private ListPrices() {}

    static List<Figure> figures(OfferFile cloudFront, OfferFile s3, OfferFile lambda) throws PriceListException {
        List<Figure> figures = new ArrayList<>();
        for (Map.Entry<String, String> region : CLOUDFRONT_REGIONS.entrySet()) {
            OfferFile.Product transfer = one(cloudFront, "CloudFront Outbound from " + region.getKey(),
                    p -> p.productFamily().equals("Data Transfer") && p.attribute("fromLocation").equals(region.getKey()));
            figures.add(figure(cloudFront, "cloudFront.transferOutPerGb." + region.getValue(), tiers(cloudFront, transfer,
                    false)));
            OfferFile.Product requests = one(cloudFront, "HTTPS requests in " + region.getKey(),
                    p -> p.productFamily().equals("Request") && p.attribute("location").equals(region.getKey()));
            figures.add(figure(cloudFront, "cloudFront.httpsRequestsPer10k." + region.getValue(),
                    number(flat(cloudFront, requests) * 10_000)));
        }
        figures.add(figure(s3, "s3.getRequestsPer1k", number(flat(s3, one(s3, "GET requests (Requests-Tier2)",
                p -> p.attribute("usagetype").equals("Requests-Tier2"))) * 1000)));
        figures.add(figure(s3, "s3.putRequestsPer1k", number(flat(s3, one(s3, "PUT requests (Requests-Tier1)",
                p -> p.attribute("usagetype").equals("Requests-Tier1"))) * 1000)));
        figures.add(figure(s3, "s3.storagePerGbMonth", tiers(s3, one(s3, "S3 Standard storage (TimedStorage-ByteHrs)",
                p -> p.productFamily().equals("Storage")), false)));
        OfferFile.Product internet = one(s3, "transfer out to the internet from " + S3_REGION,
                p -> p.attribute("transferType").equals("AWS Outbound"));
        List<OfferFile.Price> internetPrices = internet.prices();
        boolean freeFirst = internetPrices.size() > 1 && internetPrices.get(0).usd() == 0;
        if (freeFirst) {
            // Without a $0 first tier the allowance stays as the table has it (AWS states it on the page).
            figures.add(figure(s3, "s3.freeInternetGb", number(internetPrices.get(0).end())));
        }
        figures.add(figure(s3, "s3.internetPerGb", tiers(s3, internet, freeFirst)));
        figures.add(figure(s3, "s3.interRegionPerGb", number(flat(s3, one(s3, "transfer to " + OTHER_REGION,
                p -> p.attribute("toLocation").equals(OTHER_REGION))))));
        figures.add(figure(s3, "s3.interRegionPerGbPairs.us-east-1 us-east-2", number(flat(s3, one(s3,
                "transfer to " + PAIR_REGION, p -> p.attribute("toLocation").equals(PAIR_REGION))))));
        figures.add(figure(lambda, "lambdaAtEdge.perMillionRequests", number(flat(lambda, one(lambda,
                "Lambda@Edge requests", p -> p.attribute("group").equals("AWS-Lambda-Edge-Requests"))) * 1e6)));
        figures.add(figure(lambda, "lambdaAtEdge.perGbSecond", number(flat(lambda, one(lambda,
                "Lambda@Edge duration", p -> p.attribute("group").equals("AWS-Lambda-Edge-Duration"))))));
        return figures;
    }

    private static Figure figure(OfferFile file, String path, JsonNode value) {
        String date = file.publicationDate() == null ? null
                : file.publicationDate().length() >= 10 ? file.publicationDate().substring(0, 10) : file.publicationDate();
        return new Figure(path, value, file.url() + " (AWS Price List, published " + file.publicationDate() + ")", date);
    }

    /** The one product a figure comes from; several must agree on their prices. */
    private static OfferFile.Product one(OfferFile file, String what, Predicate<OfferFile.Product> which)
            throws PriceListException {
        OfferFile.Product found = null;
        for (OfferFile.Product product : file.products().values()) {
            if (!which.test(product)) {
                continue;
            }
            if (product.prices().isEmpty()) {
                throw new PriceListException(file.url() + ": " + what + " (sku " + product.sku() + ") has no on-demand"
                        + " price");
            }
            if (found != null && !found.prices().equals(product.prices())) {
                throw new PriceListException(file.url() + ": " + what + ": skus " + found.sku() + " and "
                        + product.sku() + " give different prices");
            }
            found = product;
        }
        if (found == null) {
            throw new PriceListException(file.url() + ": no product for " + what + " (has the offer file's schema"
                    + " changed?)");
        }
        return found;
    }

    private static double flat(OfferFile file, OfferFile.Product product) throws PriceListException {
        if (product.prices().size() != 1) {
            throw new PriceListException(file.url() + ": sku " + product.sku() + " has " + product.prices().size()
                    + " price dimensions where one was expected");
        }
        return product.prices().get(0).usd();
    }

    /** Tiers from ranges that must run without gaps from 0 to "Inf"; a $0 first tier (a free allowance) folded into the next. */
    private static JsonNode tiers(OfferFile file, OfferFile.Product product, boolean freeFirst) throws PriceListException {
        List<OfferFile.Price> prices = product.prices();
        double expected = 0;
        for (OfferFile.Price price : prices) {
            if (price.end() <= price.begin()) {
                throw new PriceListException(file.url() + ": sku " + product.sku() + ": a tier from " + price.begin()
                        + " to " + price.end() + " holds nothing");
            }
            if (price.begin() != expected) {
                throw new PriceListException(file.url() + ": sku " + product.sku() + ": the tiers do not run on from "
                        + expected + " (one begins at " + price.begin() + ")");
            }
            expected = price.end();
        }
        if (expected != Double.POSITIVE_INFINITY) {
            throw new PriceListException(file.url() + ": sku " + product.sku() + ": the last tier ends at " + expected
                    + ", not Inf");
        }
        ArrayNode tiers = JsonNodeFactory.instance.arrayNode();
        for (int i = freeFirst ? 1 : 0; i < prices.size(); i++) {
            long from = tiers.isEmpty() ? 0 : (long) prices.get(i).begin();
            tiers.addObject().put("fromGb", from).put("value", prices.get(i).usd());
        }
        return tiers;
    }

    private static JsonNode number(double value) {
        // Rounded to 10 decimals: the Price List's own precision, without float noise from * 10,000.
        return DoubleNode.valueOf(Math.round(value * 1e10) / 1e10);
    }
}
