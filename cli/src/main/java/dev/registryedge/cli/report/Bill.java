package dev.registryedge.cli.report;

import dev.registryedge.handler.core.Outcome;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tally priced as AWS bills it, a calendar month at a time: CloudFront's transfer by volume
 * tier in each price region, its requests, both after the always-free allowance and under the
 * commitment; S3's transfer to the internet by volume tier after its free allowance; everything
 * else at its flat rate. The report's figures are what the blob GETs add to the account's bill:
 * the rest of the logged traffic (manifests, HEADs, errors) and what the account bills
 * elsewhere ({@link Elsewhere}) come first in each month, using the free allowance and the dear
 * tiers before the blobs do; so does the commitment's discount, and any part of its monthly
 * minimum the rest leaves unmet falls on the blobs. A month's CloudFront transfer charge is split
 * over the bytes that make it up, and its request charge over the requests, each in proportion to
 * the first tier's rate of the price region, so the cells add up to the month exactly.
 */
public final class Bill {

    /**
     * The account's CloudFront usage that is not in the logs, per month, in the default price
     * region; and whether the always-free allowances are used up by other usage.
     */
    public record Elsewhere(double cloudFrontGb, long cloudFrontRequests, boolean freeTierUsed) {
        public static final Elsewhere NONE = new Elsewhere(0, 0, false);
    }

    /** What one month of one scenario costs, and the shares the cells are charged at. */
    private static final class Month {
        /** Per price region: GB and requests CloudFront serves of the blob GETs. */
        final Map<String, double[]> blob = new HashMap<>();
        double internetGb;
        double cloudFrontUsd;
        double internetUsd;
        /**
         * What a GB and a request are charged, as a multiple of their price region's first-tier
         * rate; and USD per GB to the internet.
         */
        double transferShare;
        double requestShare;
        double internetRate;
    }

    private final Prices prices;
    private final Elsewhere elsewhere;
    /** Per month: the traffic that is the same whatever the function does, per price region. */
    private final Map<String, Map<String, double[]>> fixed = new TreeMap<>();
    private final Map<Cell.Scenario, Map<String, Month>> months = new HashMap<>();

    Bill(Prices prices, Map<Cell, Counts> cells, Elsewhere elsewhere) {
        this.prices = prices;
        this.elsewhere = elsewhere;
        cells.forEach((cell, counts) -> {
            String month = month(cell);
            if (isOther(cell)) {
                add(fixed.computeIfAbsent(month, m -> new HashMap<>()), cell.priceRegion(), counts.bytes / Prices.GB,
                        counts.requests);
                return;
            }
            Month bill = months.computeIfAbsent(cell.scenario(), s -> new TreeMap<>())
                    .computeIfAbsent(month, m -> new Month());
            boolean served = cell.outcome() == Outcome.CLOUDFRONT;
            add(bill.blob, cell.priceRegion(), served ? counts.bytes / Prices.GB : 0, counts.requests);
            if (toInternet(cell)) {
                bill.internetGb += counts.bytes / Prices.GB;
            }
        });
        months.values().forEach(scenario -> scenario.forEach(this::price));
    }

    private void price(String month, Month bill) {
        Map<String, double[]> before = new HashMap<>();
        fixed.getOrDefault(month, Map.of()).forEach((region, usage) -> add(before, region, usage[0], (long) usage[1]));
        add(before, prices.defaultPriceRegion(), elsewhere.cloudFrontGb(), elsewhere.cloudFrontRequests());
        Map<String, double[]> after = new HashMap<>();
        before.forEach((region, usage) -> add(after, region, usage[0], (long) usage[1]));
        bill.blob.forEach((region, usage) -> add(after, region, usage[0], (long) usage[1]));
        double[] listAfter = listCharges(after);
        double[] listBefore = listCharges(before);
        double transfer = listAfter[0] - listBefore[0];
        double requests = listAfter[1] - listBefore[1];
        // The commitment: what the month costs once the blobs are in, against what the rest alone
        // costs at the discount; any part of the minimum the rest leaves unmet falls on the blobs.
        double discounted = 1 - prices.commitmentDiscount();
        bill.cloudFrontUsd = Math.max(prices.commitmentMinimumUsd(), (listAfter[0] + listAfter[1]) * discounted)
                - (listBefore[0] + listBefore[1]) * discounted;
        double scale = transfer + requests > 0 ? bill.cloudFrontUsd / (transfer + requests) : 0;
        double gbWeight = 0;
        double requestWeight = 0;
        for (Map.Entry<String, double[]> region : bill.blob.entrySet()) {
            gbWeight += region.getValue()[0] * prices.transferPerGb(region.getKey()).firstRate();
            requestWeight += region.getValue()[1] * prices.requestPer10k(region.getKey());
        }
        bill.transferShare = gbWeight > 0 ? scale * transfer / gbWeight : 0;
        bill.requestShare = requestWeight > 0 ? scale * requests / requestWeight : 0;
        if (transfer + requests <= 0 && bill.cloudFrontUsd > 0) {
            // Nothing to pay at list price, yet the minimum is unmet: charged by bytes, else requests.
            bill.transferShare = gbWeight > 0 ? bill.cloudFrontUsd / gbWeight : 0;
            bill.requestShare = gbWeight > 0 || requestWeight == 0 ? 0 : bill.cloudFrontUsd / requestWeight;
        }
        double free = elsewhere.freeTierUsed() ? 0 : prices.freeInternetGb();
        bill.internetUsd = prices.internetPerGb().cost(free, Math.max(free, bill.internetGb));
        bill.internetRate = bill.internetGb > 0 ? bill.internetUsd / bill.internetGb : 0;
    }

    /**
     * CloudFront's list charges for a month's usage (GB and requests per price region), as
     * {transfer, requests}: the free allowance used up region by region in the table's order (AWS
     * does not say in which), each region's tiers counted from its first GB.
     */
    private double[] listCharges(Map<String, double[]> usage) {
        double freeGb = elsewhere.freeTierUsed() ? 0 : prices.freeTransferGb();
        double freeRequests = elsewhere.freeTierUsed() ? 0 : prices.freeRequests();
        double[] charges = new double[2];
        for (String region : prices.priceRegions()) {
            double[] used = usage.get(region);
            if (used == null) {
                continue;
            }
            double gbFree = Math.min(freeGb, used[0]);
            freeGb -= gbFree;
            charges[0] += prices.transferPerGb(region).cost(gbFree, used[0]);
            double requestsFree = Math.min(freeRequests, used[1]);
            freeRequests -= requestsFree;
            charges[1] += (used[1] - requestsFree) / 10_000.0 * prices.requestPer10k(region);
        }
        return charges;
    }

    /** What a cell's requests add to the bill (docs/savings-report.md gives the formulas). */
    double cost(Cell cell, Counts counts) {
        if (isOther(cell)) {
            return 0;
        }
        Month bill = months.get(cell.scenario()).get(month(cell));
        boolean served = cell.outcome() == Outcome.CLOUDFRONT;
        double cost = cloudFront(bill, cell.priceRegion(), served ? counts.bytes : 0, counts.requests);
        if (cell.scenario() == Cell.Scenario.ALL_CLOUDFRONT) {
            return cost;
        }
        cost += counts.requests * prices.lambdaPerRequest();
        if (served || cell.outcome() == null) {
            return cost;
        }
        String client = cell.clientRegion().equals(Cell.OUTSIDE_AWS) ? null : cell.clientRegion();
        cost += prices.s3Flat(client, cell.targetRegion(), counts.requests, counts.bytes);
        return toInternet(cell) ? cost + counts.bytes / Prices.GB * bill.internetRate : cost;
    }

    /** The part of {@link #cost} that is CloudFront's (what a flat-rate plan would replace). */
    double cloudFrontPart(Cell cell, Counts counts) {
        if (isOther(cell)) {
            return 0;
        }
        return cloudFront(months.get(cell.scenario()).get(month(cell)), cell.priceRegion(),
                cell.outcome() == Outcome.CLOUDFRONT ? counts.bytes : 0, counts.requests);
    }

    /**
     * What the logs' other traffic of a cell ({@link Cell.Scenario#OTHER},
     * {@link Cell.Scenario#OTHER_ON_BLOB_PATHS}) costs on CloudFront at a scenario's shares of the
     * month: the same traffic in every scenario, but not at the same rate once the blob GETs
     * change the month's tiers. Zero for a month the scenario has no blob GETs in.
     */
    double otherTrafficAt(Cell.Scenario scenario, Cell other, Counts counts) {
        Month bill = months.getOrDefault(scenario, Map.of()).get(month(other));
        return bill == null ? 0 : cloudFront(bill, other.priceRegion(), counts.bytes, counts.requests);
    }

    private double cloudFront(Month bill, String priceRegion, long bytes, long requests) {
        return bill.transferShare * bytes / Prices.GB * prices.transferPerGb(priceRegion).firstRate()
                + bill.requestShare * requests * prices.requestPer10k(priceRegion);
    }

    /** The function's own charge for requests it runs on that are not blob GETs (HEADs, errors). */
    double functionOnOtherRequests(Cell cell, Counts counts) {
        return cell.scenario() == Cell.Scenario.OTHER_ON_BLOB_PATHS ? counts.requests * prices.lambdaPerRequest() : 0;
    }

    static boolean isOther(Cell cell) {
        return cell.scenario() == Cell.Scenario.OTHER || cell.scenario() == Cell.Scenario.OTHER_ON_BLOB_PATHS;
    }

    /** S3 (in AWS) sending a blob to a client outside AWS: priced by volume across the month. */
    private static boolean toInternet(Cell cell) {
        return cell.outcome() != null && cell.outcome().redirects() && Cell.OUTSIDE_AWS.equals(cell.clientRegion())
                && cell.targetRegion() != null && !Cell.STORE_OUTSIDE_AWS.equals(cell.targetRegion());
    }

    private static String month(Cell cell) {
        return cell.day().substring(0, 7);
    }

    private static void add(Map<String, double[]> usage, String region, double gb, long requests) {
        double[] used = usage.computeIfAbsent(region, r -> new double[2]);
        used[0] += gb;
        used[1] += requests;
    }
}
