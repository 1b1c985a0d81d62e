package dev.registryedge.cli.report;

import dev.registryedge.handler.core.Outcome;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tally priced as AWS bills it, a calendar month at a time: CloudFront's transfer by volume
 * tier in each price region, its requests, both after the always-free allowance and under the
 * commitment; S3's transfer to the internet by volume tier after its free allowance; everything
 * else at its flat rate.
 *
 * <p>The report's figures are what the blob GETs add to the account's bill: the rest of the
 * logged traffic (manifests, HEADs, errors) and what the account bills elsewhere
 * ({@link Elsewhere}) come first in each month, using the free allowance and the dear tiers
 * before the blobs do; so does the commitment's discount, and any part of its monthly minimum the
 * rest leaves unmet falls on the blobs. A month the logs cover only in part (some of its days) is
 * priced as a whole month whose other days are like the covered ones, and the covered days' part
 * of that bill is what counts: so a week of logs neither gets a month's free allowance nor pays a
 * month's minimum. A month's CloudFront transfer charge is split over the bytes that make it up,
 * and its request charge over the requests, each in proportion to the first tier's rate of the
 * price region, so the cells add up to the month exactly.
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
        double internetRate;
        /**
         * USD per unit of first-tier list cost: of what the blob GETs add (transfer and requests
         * apart), and of the month's whole CloudFront bill (for a distribution's share of it).
         */
        double transferShare;
        double requestShare;
        double wholeShare;
    }

    private final Prices prices;
    private final Elsewhere elsewhere;
    /** Per month: the traffic that is the same whatever the function does, per price region. */
    private final Map<String, Map<String, double[]>> fixed = new TreeMap<>();
    private final Map<Cell.Scenario, Map<String, Month>> months = new HashMap<>();
    /** Per month: the days the logs have, of the month's days. */
    private final Map<String, Set<String>> daysSeen = new TreeMap<>();
    private final Set<String> functionDays;

    /**
     * @param functionDays "distribution\tday" of the days whose logs show the function answering
     *     (its 307s): only there does what actually happened include its charge
     */
    Bill(Prices prices, Map<Cell, Counts> cells, Elsewhere elsewhere, Set<String> functionDays) {
        this.prices = prices;
        this.elsewhere = elsewhere;
        this.functionDays = functionDays;
        cells.forEach((cell, counts) -> {
            String month = month(cell);
            daysSeen.computeIfAbsent(month, m -> new HashSet<>()).add(cell.day());
            if (isOther(cell)) {
                add(fixed.computeIfAbsent(month, m -> new HashMap<>()), cell.priceRegion(), counts.bytes / Prices.GB,
                        counts.requests);
                return;
            }
            Month bill = month(cell.scenario(), month);
            boolean served = cell.outcome() == Outcome.CLOUDFRONT;
            add(bill.blob, cell.priceRegion(), served ? counts.bytes / Prices.GB : 0, counts.requests);
            if (toInternet(cell)) {
                bill.internetGb += counts.bytes / Prices.GB;
            }
        });
        // A month with only other traffic still has a bill, which a distribution's share is of.
        for (String month : daysSeen.keySet()) {
            for (Cell.Scenario scenario : new Cell.Scenario[] {Cell.Scenario.ALL_CLOUDFRONT,
                Cell.Scenario.WITH_FUNCTION}) {
                month(scenario, month);
            }
        }
        months.forEach((scenario, byMonth) -> byMonth.forEach(this::price));
    }

    private Month month(Cell.Scenario scenario, String month) {
        return months.computeIfAbsent(scenario, s -> new TreeMap<>()).computeIfAbsent(month, m -> new Month());
    }

    /** The part of a month the logs cover: its days in the logs over its days. */
    double coverage(String month) {
        return (double) daysSeen.getOrDefault(month, Set.of()).size() / YearMonth.parse(month).lengthOfMonth();
    }

    private void price(String month, Month bill) {
        double coverage = coverage(month);
        // The whole month, as if its days not in the logs were like those that are.
        Map<String, double[]> before = new HashMap<>();
        fixed.getOrDefault(month, Map.of()).forEach((region, usage) -> add(before, region, usage[0] / coverage,
                usage[1] / coverage));
        add(before, prices.defaultPriceRegion(), elsewhere.cloudFrontGb(), elsewhere.cloudFrontRequests());
        Map<String, double[]> after = new HashMap<>();
        before.forEach((region, usage) -> add(after, region, usage[0], usage[1]));
        bill.blob.forEach((region, usage) -> add(after, region, usage[0] / coverage, usage[1] / coverage));
        double[] listAfter = listCharges(after);
        double[] listBefore = listCharges(before);
        double discounted = 1 - prices.commitmentDiscount();
        double whole = Math.max(prices.commitmentMinimumUsd(), (listAfter[0] + listAfter[1]) * discounted);
        // What the blobs add; any part of the minimum the rest leaves unmet falls on them.
        double added = coverage * (whole - (listBefore[0] + listBefore[1]) * discounted);
        double transfer = listAfter[0] - listBefore[0];
        double requests = listAfter[1] - listBefore[1];
        double gbWeight = 0;
        double requestWeight = 0;
        for (Map.Entry<String, double[]> region : bill.blob.entrySet()) {
            gbWeight += gbWeight(region.getKey(), region.getValue()[0]);
            requestWeight += requestWeight(region.getKey(), region.getValue()[1]);
        }
        if (transfer + requests > 0) {
            bill.transferShare = gbWeight > 0 ? added * transfer / (transfer + requests) / gbWeight : 0;
            bill.requestShare = requestWeight > 0 ? added * requests / (transfer + requests) / requestWeight : 0;
        } else if (added > 0) {
            // Nothing to pay at list price, yet the minimum is unmet: charged by bytes, else requests.
            bill.transferShare = gbWeight > 0 ? added / gbWeight : 0;
            bill.requestShare = gbWeight > 0 || requestWeight == 0 ? 0 : added / requestWeight;
        }
        double wholeWeight = 0;
        for (Map.Entry<String, double[]> region : after.entrySet()) {
            wholeWeight += gbWeight(region.getKey(), region.getValue()[0])
                    + requestWeight(region.getKey(), region.getValue()[1]);
        }
        bill.wholeShare = wholeWeight > 0 ? whole / wholeWeight : 0;
        double free = elsewhere.freeTierUsed() ? 0 : prices.freeInternetGb();
        double internet = bill.internetGb / coverage;
        bill.internetRate = internet > 0 ? prices.internetPerGb().cost(free, Math.max(free, internet)) / internet : 0;
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

    private double gbWeight(String region, double gb) {
        return gb * prices.transferPerGb(region).firstRate();
    }

    private double requestWeight(String region, double requests) {
        return requests / 10_000.0 * prices.requestPer10k(region);
    }

    /** What a cell's requests add to the bill (docs/savings-report.md gives the formulas). */
    double cost(Cell cell, Counts counts) {
        if (isOther(cell)) {
            return 0;
        }
        Month bill = months.get(cell.scenario()).get(month(cell));
        double cost = bill.transferShare * gbWeight(cell.priceRegion(), servedGb(cell, counts))
                + bill.requestShare * requestWeight(cell.priceRegion(), counts.requests);
        return cost + beyondCloudFront(cell, counts, bill);
    }

    /**
     * What a cell costs besides CloudFront: the function (with it, or where the logs show it ran)
     * and, for a 307, S3 (or a store outside AWS). An unattributed 307 is priced at the
     * distribution's home bucket, where Tally sends it.
     */
    private double beyondCloudFront(Cell cell, Counts counts, Month bill) {
        if (cell.scenario() == Cell.Scenario.ALL_CLOUDFRONT) {
            return 0;
        }
        double cost = cell.scenario() != Cell.Scenario.ACTUAL || functionRan(cell.distribution(), cell.day())
                ? counts.requests * prices.lambdaPerRequest() : 0;
        if (cell.outcome() == Outcome.CLOUDFRONT || cell.targetRegion() == null) {
            return cost;
        }
        String client = cell.clientRegion().equals(Cell.OUTSIDE_AWS) ? null : cell.clientRegion();
        cost += prices.s3Flat(client, cell.targetRegion(), counts.requests, counts.bytes);
        return toInternet(cell) ? cost + counts.bytes / Prices.GB * bill.internetRate : cost;
    }

    /** Whether the logs show the function answering on this distribution and day. */
    boolean functionRan(String distribution, String day) {
        return functionDays.contains(distribution + '\t' + day);
    }

    /**
     * A cell's share of its month's whole CloudFront bill, and what it costs besides: what
     * pay-as-you-go charges for it when a distribution is weighed against a flat-rate plan.
     * Other traffic ({@link Cell.Scenario#OTHER}, {@link Cell.Scenario#OTHER_ON_BLOB_PATHS}) is
     * charged at the share of {@code scenario}'s month, since it is there in every scenario.
     *
     * @return {CloudFront, besides}
     */
    double[] payAsYouGo(Cell.Scenario scenario, Cell cell, Counts counts) {
        Month bill = months.get(scenario).get(month(cell));
        double cloudFront = bill.wholeShare * (gbWeight(cell.priceRegion(), servedGb(cell, counts))
                + requestWeight(cell.priceRegion(), counts.requests));
        if (isOther(cell)) {
            return new double[] {cloudFront, scenario == Cell.Scenario.WITH_FUNCTION
                    ? functionOnOtherRequests(cell, counts) : 0};
        }
        return new double[] {cloudFront, beyondCloudFront(cell, counts, bill)};
    }

    private static double servedGb(Cell cell, Counts counts) {
        return isOther(cell) || cell.outcome() == Outcome.CLOUDFRONT ? counts.bytes / Prices.GB : 0;
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
        return cell.outcome() != Outcome.CLOUDFRONT && Cell.OUTSIDE_AWS.equals(cell.clientRegion())
                && cell.targetRegion() != null && !Cell.STORE_OUTSIDE_AWS.equals(cell.targetRegion());
    }

    static String month(Cell cell) {
        return cell.day().substring(0, 7);
    }

    private static void add(Map<String, double[]> usage, String region, double gb, double requests) {
        double[] used = usage.computeIfAbsent(region, r -> new double[2]);
        used[0] += gb;
        used[1] += requests;
    }
}
