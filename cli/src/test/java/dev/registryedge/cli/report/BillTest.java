package dev.registryedge.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryedge.cli.testing.StandardLogs;
import dev.registryedge.handler.fixture.FixtureRegionMap;
import dev.registryedge.handler.fixture.FixtureRouting;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's dollars against AWS's bill worked out by hand, with AWS's list prices of
 * 2026-12-01 frozen in src/test/resources/report/list-prices-2026-12-01.json: one month of
 * app.ci's blob GETs through North American edges, 60 % of them from EC2 in us-east-1, 10 % from
 * us-east-2, 10 % from us-west-2 and 20 % from outside AWS, replicas assumed empty. Then app.ci's
 * configuration sends us-east-1 and us-east-2 clients to its bucket in us-east-1 and leaves the
 * rest to CloudFront: 30 % of the bytes stay on CloudFront, 10 % cross from us-east-1 to
 * us-east-2 ($0.01/GB), and every request is a CloudFront request (its 307s too).
 *
 * <p>The volumes sit on either side of the free tier and of the tier boundaries: 1,000 GiB (under
 * the free terabyte) and 100 TiB (past the 10 and 50 TB tiers). Prices used, per GB: CloudFront
 * North America $0.085 to 10 TB, $0.080 to 50 TB, $0.060 to 150 TB; the first 1 TB (1,024 GB)
 * and 10 M requests of each month free; Lambda@Edge $0.60 per million requests and, at 128 MB
 * and 5 ms billed, 0.005 * 0.125 * $0.00005001 per request; S3 GET $0.0004 per 1,000.
 */
class BillTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long GIB = 1L << 30;
    private static final String APP_CI = "E2KP8SMSY4XB67";
    private static final double LAMBDA_PER_REQUEST = 0.60 / 1e6 + 0.005 * 0.125 * 0.00005001;
    private static final double S3_GET = 0.0004 / 1000;

    @TempDir
    Path logs;

    /** A month of blob GETs, each client class a share of {@code requests} blobs of {@code size} bytes. */
    private void month(String month, int requests, long size, String edge) throws IOException {
        month(month, requests, size, edge, java.time.YearMonth.parse(month).lengthOfMonth(), "all");
    }

    /** The same over the month's first {@code days} days, in a file of its own ({@code part}). */
    private void month(String month, int requests, long size, String edge, int days, String part) throws IOException {
        Random random = new Random(month.hashCode());
        List<String> lines = new ArrayList<>();
        int[] shares = {requests * 6 / 10, requests / 10, requests / 10, requests - requests * 8 / 10};
        for (int kind = 0; kind < shares.length; kind++) {
            for (int i = 0; i < shares[kind]; i++) {
                String client = switch (kind) {
                    case 0 -> "52." + (20 + random.nextInt(4)) + "." + random.nextInt(256) + "." + random.nextInt(256);
                    case 1 -> "3.12." + random.nextInt(256) + "." + random.nextInt(256);
                    case 2 -> "35." + (80 + random.nextInt(16)) + "." + random.nextInt(256) + "." + random.nextInt(256);
                    default -> "198.51." + random.nextInt(256) + "." + random.nextInt(256);
                };
                String digest = String.format("%016x%016x%016x%016x", random.nextLong(), random.nextLong(),
                        random.nextLong(), random.nextLong());
                // Every day of the month has some: a whole month of logs.
                int index = lines.size();
                String day = month + "-" + String.format("%02d", 1 + index % days);
                lines.add(StandardLogs.line(day, edge, size, client, "GET", "/docker/registry/v2/blobs/sha256/"
                        + digest.substring(0, 2) + "/" + digest + "/data", 200, "containers/5.29", "Miss", size, null));
            }
        }
        Collections.shuffle(lines, random);
        StandardLogs.write(logs.resolve(APP_CI + "." + month + "-01-00." + part + ".gz"), lines);
    }

    private JsonNode report(Prices prices, Bill.Elsewhere elsewhere) throws Exception {
        SavingsReport.Result result = new SavingsReport(FixtureRouting.config(), FixtureRegionMap.map()).run(
                new SavingsReport.Request(List.of(logs), null, SavingsReport.Replicas.NONE, null, prices, 2, null,
                        elsewhere));
        return JSON.readTree(result.json().toString());
    }

    private static Prices listPrices() throws IOException {
        try (InputStream in = BillTest.class.getResourceAsStream("/report/list-prices-2026-12-01.json")) {
            return Prices.read("list-prices-2026-12-01.json", in);
        }
    }

    private static void assertUsd(double expected, JsonNode actual, String what) {
        assertEquals(expected, actual.asDouble(), 0.000002, what);
        // To the cent, as the summary prints it.
        assertEquals(String.format("%.2f", expected), String.format("%.2f", actual.asDouble()), what);
    }

    @Test
    @DisplayName("100 TiB a month: the bytes the function takes away are the cheapest ones, past 10 and 50 TB")
    void aHundredTebibytesPricedOnTheTiers() throws Exception {
        month("2026-11", 10_240, 10 * GIB, "IAD89-C1");
        JsonNode report = report(listPrices(), Bill.Elsewhere.NONE);

        // All through CloudFront: 102,400 GB, the first 1,024 free, 10,240 requests all free.
        double allCloudFront = (10_240 - 1_024) * 0.085 + (51_200 - 10_240) * 0.080 + (102_400 - 51_200) * 0.060;
        assertEquals(7_132.16, allCloudFront, 1e-9);
        // With the function: 30 % (30,720 GB) through CloudFront, its 10,240 requests still free;
        // 1,024 us-east-2 blobs (10,240 GB) across regions; 7,168 S3 GETs; 10,240 invocations.
        double cloudFront = (10_240 - 1_024) * 0.085 + (30_720 - 10_240) * 0.080;
        double withFunction = cloudFront + 10_240 * 0.01 + 7_168 * S3_GET + 10_240 * LAMBDA_PER_REQUEST;
        assertEquals(2_524.169331, withFunction, 0.000001);

        assertUsd(allCloudFront, report.at("/usd/allCloudFront"), "all through CloudFront");
        assertUsd(withFunction, report.at("/usd/withFunction"), "with the function");
        assertUsd(allCloudFront - withFunction, report.at("/usd/savings"), "saved");
        assertUsd(cloudFront + 3_072 * LAMBDA_PER_REQUEST, report.at("/totals/CLOUDFRONT/usd"), "CloudFront's part");
        assertEquals(3_072, report.at("/totals/CLOUDFRONT/requests").asLong());
        assertEquals(7_168, report.at("/totals/BUCKET/requests").asLong());
        assertUsd(allCloudFront, report.at("/billing/months/2026-11/usd/allCloudFront"), "the month");
        assertEquals("the logs are the account's whole CloudFront usage", report.at("/billing/basis").asText());
    }

    @Test
    @DisplayName("1,000 GiB a month, under the free terabyte: CloudFront costs nothing and the function costs $1")
    void underTheFreeTierTheFunctionCostsMoreThanItSaves() throws Exception {
        month("2026-11", 1_000, GIB, "IAD89-C1");
        JsonNode report = report(listPrices(), Bill.Elsewhere.NONE);

        double withFunction = 100 * 0.01 + 700 * S3_GET + 1_000 * LAMBDA_PER_REQUEST;
        assertUsd(0, report.at("/usd/allCloudFront"), "all through CloudFront: 1,000 GB and 1,000 requests, free");
        assertUsd(withFunction, report.at("/usd/withFunction"), "with the function");
        assertUsd(-withFunction, report.at("/usd/savings"), "saved");
    }

    @Test
    @DisplayName("S3 to clients outside AWS: its internet rate after the free 100 GB, which the free tier used elsewhere takes too")
    void s3SendingToTheInternetIsPricedOnItsTiersAfterTheFreeHundredGb() throws Exception {
        // 300 GiB of blobs to clients outside AWS that ask for the distribution's own bucket
        // (debugregistry/local): with the function, S3 sends them over the internet.
        List<String> lines = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 300; i++) {
            String digest = String.format("%016x%016x%016x%016x", random.nextLong(), random.nextLong(),
                    random.nextLong(), random.nextLong());
            lines.add(StandardLogs.line("2026-11-" + String.format("%02d", 1 + i % 30), "IAD89-C1", GIB,
                    "198.51.100." + (i % 200), "GET", "/docker/registry/v2/blobs/sha256/" + digest.substring(0, 2) + "/"
                            + digest + "/data", 200, "debugregistry/local", "Miss", GIB, null));
        }
        StandardLogs.write(logs.resolve(APP_CI + ".2026-11-01-00.local.gz"), lines);

        JsonNode report = report(listPrices(), Bill.Elsewhere.NONE);
        assertUsd(0, report.at("/usd/allCloudFront"), "300 GB and 300 requests through CloudFront: free");
        assertUsd(200 * 0.09 + 300 * S3_GET + 300 * LAMBDA_PER_REQUEST, report.at("/usd/withFunction"),
                "the first 100 GB from S3 free, the other 200 at $0.09");

        JsonNode used = report(listPrices(), new Bill.Elsewhere(0, 0, true));
        assertUsd(300 * 0.09 + 300 * S3_GET + 300 * LAMBDA_PER_REQUEST + 300 * 0.0100 / 10_000,
                used.at("/usd/withFunction"), "every GB from S3 paid, and the 307s' requests");
    }

    @Test
    @DisplayName("the free tier used up elsewhere: every GB at the first tier's rate, every request paid")
    void withTheFreeTierUsedElsewhere() throws Exception {
        month("2026-11", 1_000, GIB, "IAD89-C1");
        JsonNode report = report(listPrices(), new Bill.Elsewhere(0, 0, true));

        double allCloudFront = 1_000 * 0.085 + 1_000 * 0.0100 / 10_000;
        double withFunction = 300 * 0.085 + 1_000 * 0.0100 / 10_000 + 100 * 0.01 + 700 * S3_GET
                + 1_000 * LAMBDA_PER_REQUEST;
        assertUsd(allCloudFront, report.at("/usd/allCloudFront"), "all through CloudFront");
        assertUsd(withFunction, report.at("/usd/withFunction"), "with the function");
        assertEquals("used elsewhere", report.at("/billing/freeTier").asText());
    }

    @Test
    @DisplayName("50 TB a month billed elsewhere comes first: the logs' bytes start at the $0.060 tier")
    void usageBilledElsewhereComesFirstOnTheTiers() throws Exception {
        month("2026-11", 10_240, 10 * GIB, "IAD89-C1");
        JsonNode report = report(listPrices(), new Bill.Elsewhere(51_200, 0, false));

        assertUsd(102_400 * 0.060, report.at("/usd/allCloudFront"), "all through CloudFront, from 50 to 150 TB");
        assertUsd(30_720 * 0.060 + 10_240 * 0.01 + 7_168 * S3_GET + 10_240 * LAMBDA_PER_REQUEST,
                report.at("/usd/withFunction"), "with the function");
    }

    @Test
    @DisplayName("two months are billed each on its own, not as one 200 TiB month")
    void eachCalendarMonthIsBilledOnItsOwn() throws Exception {
        month("2026-10", 10_240, 10 * GIB, "IAD89-C1");
        month("2026-11", 10_240, 10 * GIB, "IAD89-C1");
        JsonNode report = report(listPrices(), Bill.Elsewhere.NONE);

        assertUsd(2 * 7_132.16, report.at("/usd/allCloudFront"), "two months of 7,132.16");
        assertUsd(7_132.16, report.at("/billing/months/2026-10/usd/allCloudFront"), "October");
        assertUsd(7_132.16, report.at("/billing/months/2026-11/usd/allCloudFront"), "November");
    }

    @Test
    @DisplayName("a commitment: 20 % off, at least $3,000 a month; below the minimum, bytes saved save nothing")
    void aCommitmentLargerThanTheUsageWithTheFunction() throws Exception {
        month("2026-11", 10_240, 10 * GIB, "IAD89-C1");
        ObjectNode table = (ObjectNode) JSON.readTree(BillTest.class.getResourceAsStream(
                "/report/list-prices-2026-12-01.json"));
        ObjectNode commitment = (ObjectNode) table.at("/cloudFront/commitment");
        commitment.putObject("discount").put("value", 0.20);
        commitment.putObject("monthlyMinimumUsd").put("value", 3_000);
        Prices prices = Prices.read("committed.json", new ByteArrayInputStream(JSON.writeValueAsBytes(table)));
        JsonNode report = report(prices, Bill.Elsewhere.NONE);

        double allCloudFront = 7_132.16 * 0.8;
        // 2,421.76 at list, 1,937.41 after the discount: under the minimum, so $3,000.
        double withFunction = 3_000 + 10_240 * 0.01 + 7_168 * S3_GET + 10_240 * LAMBDA_PER_REQUEST;
        assertUsd(allCloudFront, report.at("/usd/allCloudFront"), "all through CloudFront");
        assertUsd(withFunction, report.at("/usd/withFunction"), "with the function");
    }

    @Test
    void anEdgeLocationThePriceTableDoesNotKnowIsAProblemWithItsRequestsAndBytes() throws Exception {
        month("2026-11", 10, GIB, "ZZZ9-C1");
        JsonNode report = report(listPrices(), Bill.Elsewhere.NONE);
        assertEquals(JSON.readTree("{\"ZZZ\": {\"requests\": 10, \"bytes\": " + 10 * GIB + "}}"),
                report.at("/input/unknownEdgeLocations"));
        assertEquals(1, report.at("/input/problems").asLong());
        String summary = ReportText.summary(report);
        assertEquals(true, summary.contains("edge location ZZZ is not in the price table: 10 requests, 10.00 GiB"
                + " priced in its default region"), summary);
    }

    @Test
    void theFunctionIsChargedForTheHeadsAndErrorsOfTheBlobPathsToo() throws Exception {
        String blob = StandardLogs.blob("ab");
        StandardLogs.write(logs.resolve(APP_CI + ".2026-11-01-00.heads.gz"), List.of(
                StandardLogs.line("2026-11-01", "IAD89-C1", 300, "52.22.0.1", "HEAD", blob, 200, "docker", "Hit", GIB, null),
                StandardLogs.line("2026-11-01", "IAD89-C1", 300, "52.22.0.1", "GET", blob, 403, "docker", "Error", -1, null),
                StandardLogs.line("2026-11-01", "IAD89-C1", 300, "52.22.0.1", "GET", "/v2/", 200, "docker", "Hit", 2, null)));
        JsonNode report = report(listPrices(), Bill.Elsewhere.NONE);
        assertEquals(2, report.at("/functionOnOtherRequests/requests").asLong(), "the HEAD and the 403, not /v2/");
        assertUsd(2 * LAMBDA_PER_REQUEST, report.at("/usd/withFunction"), "with the function");
        assertUsd(0, report.at("/usd/allCloudFront"), "all through CloudFront: no blob GET");
    }

    @Test
    @DisplayName("40,000 GiB a month fits Pro's 50 TB: a $15 plan beats $3,164.16 of pay-as-you-go; the function adds S3")
    void justUnderAPlansTransferAllowance() throws Exception {
        month("2026-11", 4_000, 10 * GIB, "IAD89-C1");
        JsonNode plan = report(listPrices(), Bill.Elsewhere.NONE).at("/distributions/" + APP_CI + "/flatRate");

        assertUsd((10_240 - 1_024) * 0.085 + (40_000 - 10_240) * 0.080, plan.at("/usd/payAsYouGoAllCloudFront"),
                "pay-as-you-go, all through CloudFront");
        assertEquals("Pro", plan.at("/months/2026-11/allCloudFront/plan").asText());
        assertUsd(15, plan.at("/usd/planAllCloudFront"), "Pro");
        assertEquals("Pro", plan.at("/months/2026-11/withFunction/plan").asText());
        assertUsd(15 + 4_000 * 0.01 + 2_800 * S3_GET + 4_000 * LAMBDA_PER_REQUEST, plan.at("/usd/planWithFunction"),
                "Pro, and S3 and Lambda@Edge besides");
        assertEquals("a flat-rate plan, all through CloudFront", plan.at("/cheapest").asText());
        assertEquals("sources disagree", plan.at("/functionOnAPlan").asText());
    }

    @Test
    @DisplayName("60,000 GiB a month is past every 50 TB level: Premium at 75 TB all through CloudFront, or Pro with the function")
    void justOverAPlansTransferAllowance() throws Exception {
        month("2026-11", 6_000, 10 * GIB, "IAD89-C1");
        JsonNode report = report(listPrices(), Bill.Elsewhere.NONE);
        JsonNode plan = report.at("/distributions/" + APP_CI + "/flatRate");

        assertEquals("Premium (75 TB)", plan.at("/months/2026-11/allCloudFront/plan").asText());
        assertUsd(1_450, plan.at("/usd/planAllCloudFront"), "Premium at 75 TB");
        // With the function 30 % of 60,000 GB, 18,000 GB, stay on CloudFront: within Pro.
        assertEquals("Pro", plan.at("/months/2026-11/withFunction/plan").asText());
        assertEquals(18_000, plan.at("/months/2026-11/withFunction/gb").asDouble(), 1e-6);
        assertUsd(15 + 6_000 * 0.01 + 4_200 * S3_GET + 6_000 * LAMBDA_PER_REQUEST, plan.at("/usd/planWithFunction"),
                "Pro with the function");
        assertEquals("a flat-rate plan with the function (if AWS allows Lambda@Edge on a plan: sources disagree)",
                plan.at("/cheapest").asText());
        String summary = ReportText.summary(report);
        assertEquals(true, summary.contains("E2KP8SMSY4XB67 (app.ci): a flat-rate plan with the function"), summary);
    }

    @Test
    void thePlanCoveringARequestCountIsTheCheapestWhoseAllowanceReachesIt() throws Exception {
        FlatRatePlans plans = new FlatRatePlans(listPrices());
        assertEquals("Free", plans.cheapest(1_000_000, 100).orElseThrow().label());
        assertEquals("Pro", plans.cheapest(1_000_001, 100).orElseThrow().label());
        assertEquals("Pro", plans.cheapest(10_000_000, 51_200).orElseThrow().label());
        assertEquals("Business", plans.cheapest(10_000_001, 51_200).orElseThrow().label());
        assertEquals("Premium (600 TB)", plans.cheapest(6_000_000_000L, 614_400).orElseThrow().label());
        assertEquals(java.util.Optional.empty(), plans.cheapest(6_000_000_001L, 1));
    }

    @Test
    void aPriceTableOlderThanNinetyDaysIsWarnedOf() throws Exception {
        month("2026-11", 10, GIB, "IAD89-C1");
        ObjectNode table = (ObjectNode) JSON.readTree(BillTest.class.getResourceAsStream(
                "/report/list-prices-2026-12-01.json"));
        table.put("asOf", java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(91).toString());
        String old = ReportText.summary(report(Prices.read("old.json", new ByteArrayInputStream(
                JSON.writeValueAsBytes(table))), Bill.Elsewhere.NONE));
        assertEquals(true, old.contains("warning: the price table was refreshed 91 days ago"), old);
        table.put("asOf", java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(90).toString());
        String fresh = ReportText.summary(report(Prices.read("fresh.json", new ByteArrayInputStream(
                JSON.writeValueAsBytes(table))), Bill.Elsewhere.NONE));
        assertEquals(false, fresh.contains("warning: the price table"), fresh);
    }

    @Test
    @DisplayName("10 days of a 100 TiB month: a third of the month's bill, not a month's free tier on 10 days")
    void aMonthTheLogsCoverInPartIsPricedAsItsPartOfTheWholeMonth() throws Exception {
        // 10,240 blobs of 10 GiB in 10 days: 100 TiB in a third of November, 300 TiB at that rate.
        month("2026-11", 10_240, 10 * GIB, "IAD89-C1", 10, "ten-days");
        JsonNode report = report(listPrices(), Bill.Elsewhere.NONE);
        double wholeMonth = (10_240 - 1_024) * 0.085 + (51_200 - 10_240) * 0.080 + (153_600 - 51_200) * 0.060
                + (307_200 - 153_600) * 0.040;
        assertUsd(wholeMonth / 3, report.at("/usd/allCloudFront"), "the ten days' third of the month");
        assertEquals(0.333333, report.at("/billing/months/2026-11/coverage").asDouble(), 1e-6);
    }

    @Test
    @DisplayName("the free terabyte is used up region by region in the table's order: North America, then Europe")
    void theFreeAllowanceSpansPriceRegionsInTheTablesOrder() throws Exception {
        month("2026-11", 1_000, GIB, "IAD89-C1", 30, "north-america");
        month("2026-11", 500, GIB, "FRA50-C1", 30, "europe");
        JsonNode report = report(listPrices(), Bill.Elsewhere.NONE);
        // 1,000 GB in North America, free; of Europe's 500 GB the first 24 are free.
        assertUsd(476 * 0.085, report.at("/usd/allCloudFront"), "all through CloudFront");
    }

    @Test
    @DisplayName("a distribution's pay-as-you-go against a plan counts its other traffic at the month's whole rate")
    void aPlanIsWeighedAgainstTheWholeBillOfTheDistribution() throws Exception {
        month("2026-11", 4_000, 10 * GIB, "IAD89-C1");
        // 2,000 GB more of manifests: the same traffic with or without the function.
        List<String> manifests = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            manifests.add(StandardLogs.line(String.format("2026-11-%02d", 1 + i % 30), "IAD89-C1", GIB, "198.51.0.1",
                    "GET", "/v2/ocp/manifests/" + i, 200, "containers/5.29", "Hit", GIB, null));
        }
        StandardLogs.write(logs.resolve(APP_CI + ".2026-11-01-00.manifests.gz"), manifests);
        JsonNode report = report(listPrices(), Bill.Elsewhere.NONE);
        // The whole month all through CloudFront: 42,000 GB and 6,000 requests (free).
        double whole = (10_240 - 1_024) * 0.085 + (42_000 - 10_240) * 0.080;
        assertUsd(whole, report.at("/distributions/" + APP_CI + "/flatRate/usd/payAsYouGoAllCloudFront"),
                "the distribution's whole bill, not only what its blobs add");
        // What the blob GETs add: the manifests came first, so the blobs start past 2,000 GB.
        assertUsd(whole - ((2_000 - 1_024) * 0.085), report.at("/usd/allCloudFront"), "what the blobs add");
    }
}
