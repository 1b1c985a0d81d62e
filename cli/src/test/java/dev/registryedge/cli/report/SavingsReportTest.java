package dev.registryedge.cli.report;

import static dev.registryedge.cli.testing.StandardLogs.blob;
import static dev.registryedge.cli.testing.StandardLogs.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registryedge.handler.fixture.FixtureRegionMap;
import dev.registryedge.handler.fixture.FixtureRouting;
import dev.registryedge.cli.testing.StandardLogs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report over generated logs whose totals are known: every figure below is worked out by
 * hand from the test price table (flat: CloudFront $0.10/GB in North America and $0.20 in Europe,
 * $0.000001 per CloudFront request, Lambda@Edge request and S3 GET, S3 $0.01/GB between us-east-1
 * and us-east-2; no free tier) and the handler's fixture configuration. The function also runs
 * on the three HEADs of blob paths: $0.000003 more with it. BillTest checks AWS's tiers.
 */
class SavingsReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long GIB = 1L << 30;
    private static final String APP_CI = "E2KP8SMSY4XB67";
    private static final String BUILD03 = "E2PBG0JIU6CTJY";
    private static final String DOCKER = "docker/24.0.7 go/go1.20.10";

    @TempDir
    Path logs;
    private Prices prices;

    @BeforeEach
    void prices() {
        prices = TestPrices.table();
    }

    private void knownLogs() throws IOException {
        String day1 = "2026-11-01";
        StandardLogs.write(logs.resolve(APP_CI + ".2026-11-01-10.a1b2c3d4.gz"), List.of(
                // us-east-1 client: the bucket, same region.
                line(day1, "IAD89-C1", GIB, "52.22.255.189", "GET", blob("aa"), 200, DOCKER, "Miss", GIB, null),
                // us-east-1 over IPv6.
                line(day1, "IAD89-C1", 2 * GIB, "2600:1f18:4000::1", "GET", blob("bb"), 200, DOCKER, "Hit", 2 * GIB, null),
                // us-west-2: the replica if it holds the blob, else CloudFront.
                line(day1, "IAD89-C1", GIB, "35.80.0.1", "GET", blob("aa"), 200, DOCKER, "Hit", GIB, null),
                // Outside AWS, a range.
                line(day1, "IAD89-C1", GIB / 2, "8.8.8.8", "GET", blob("bb"), 206, DOCKER, "Hit", GIB / 2,
                        "0 536870911"),
                // Neither counts: a HEAD and a manifest.
                line(day1, "IAD89-C1", 300, "52.22.255.189", "HEAD", blob("aa"), 200, DOCKER, "Hit", GIB, null),
                line(day1, "IAD89-C1", 900, "52.22.255.189", "GET", "/docker/registry/v2/repositories/a/_manifests/tags"
                        + "/latest/current/link", 200, DOCKER, "Hit", 71, null),
                // The function's 307s: blob aa's size is known from the first line, cc's from none.
                line(day1, "IAD89-C1", 610, "52.22.255.189", "GET", blob("aa"), 307, DOCKER, "LambdaGeneratedResponse",
                        -1, null),
                line(day1, "IAD89-C1", 610, "52.22.255.189", "GET", blob("cc"), 307, DOCKER, "LambdaGeneratedResponse",
                        -1, null),
                "a line that is not a request"));
        StandardLogs.write(logs.resolve(BUILD03 + ".2026-11-02-07.e5f6a7b8.gz"), List.of(
                // us-east-2 client of build03: the replica if it holds the blob, else build03's bucket in us-east-1.
                line("2026-11-02", "FRA50-C1", GIB, "3.12.0.1", "GET", blob("dd"), 200, DOCKER, "Miss", GIB, null)));
        byte[] whole;
        Path truncated = StandardLogs.write(logs.resolve(APP_CI + ".2026-11-01-11.truncated.gz"), List.of(
                line(day1, "IAD89-C1", 300, "52.22.255.189", "HEAD", blob("aa"), 200, DOCKER, "Hit", GIB, null)));
        whole = Files.readAllBytes(truncated);
        Files.write(truncated, Arrays.copyOf(whole, whole.length - 8));
        StandardLogs.write(logs.resolve(APP_CI + ".2026-11-01-12.nofields.gz"), "#Version: 1.0\n"
                + line(day1, "IAD89-C1", GIB, "52.22.255.189", "GET", blob("aa"), 200, DOCKER, "Hit", GIB, null) + "\n");
        StandardLogs.write(logs.resolve(APP_CI + ".2026-11-01-13.newcolumn.gz"), "#Version: 1.0\n"
                + StandardLogs.FIELDS + " x-new-column\n"
                + line(day1, "IAD89-C1", 300, "52.22.255.189", "HEAD", blob("aa"), 200, DOCKER, "Hit", GIB, null)
                + "\tnew\n");
        StandardLogs.write(logs.resolve("access.log.gz"), List.of(
                line(day1, "IAD89-C1", 300, "52.22.255.189", "HEAD", blob("aa"), 200, DOCKER, "Hit", GIB, null)));
    }

    private JsonNode report(SavingsReport.Replicas replicas) throws Exception {
        SavingsReport.Result result = new SavingsReport(FixtureRouting.config(), FixtureRegionMap.map()).run(
                new SavingsReport.Request(List.of(logs), null, replicas, null, prices, 2, null));
        assertTrue(result.readAnything());
        // Read back as a user's tool would: numbers as doubles.
        return JSON.readTree(result.json().toString());
    }

    @Test
    void totalsPerOutcomeDayDistributionAndRegionAreExactWithBothReplicaBounds() throws Exception {
        knownLogs();
        JsonNode report = report(null);

        assertEquals(JSON.readTree("""
                {"files": 6, "lines": 13, "blobGets": 7, "otherRequests": 4, "redirectsOfUnknownOrigin": 0,
                 "distinctBlobs": 4, "problems": 5,
                 "unknownEdgeLocations": {},
                 "problemExamples": [
                   "%1$s/E2KP8SMSY4XB67.2026-11-01-10.a1b2c3d4.gz:11: 1 fields, the file names 33",
                   "%1$s/E2KP8SMSY4XB67.2026-11-01-11.truncated.gz:4: truncated or corrupt gzip; the 1 requests before it were counted",
                   "%1$s/E2KP8SMSY4XB67.2026-11-01-12.nofields.gz:2: a request before any #Fields: header; the file is skipped",
                   "%1$s/E2KP8SMSY4XB67.2026-11-01-13.newcolumn.gz:2: fields no CloudFront log has, ignored: x-new-column",
                   "%1$s/access.log.gz:3: no DistributionId field, and the file's path names no distribution; give --distribution"]}
                """.formatted(logs)), report.get("input"));
        assertEquals("none (upper bound: all)", report.get("replicas").asText());
        assertEquals(JSON.readTree("""
                {"CLOUDFRONT": {"requests": 2, "bytes": 1610612736, "unknownBytesRequests": 0, "usd": 0.150004},
                 "BUCKET": {"requests": 5, "bytes": 5368709120, "unknownBytesRequests": 1, "usd": 0.010015},
                 "REPLICA": {"requests": 0, "bytes": 0, "unknownBytesRequests": 0, "usd": 0.0}}
                """), report.get("totals"));
        assertEquals(JSON.readTree("""
                {"withFunction": 0.160022, "allCloudFront": 0.750007, "savings": 0.589985}
                """), report.get("usd"));
        assertEquals(JSON.readTree("""
                {"E2KP8SMSY4XB67": {"name": "app.ci",
                   "totals": {"CLOUDFRONT": {"requests": 2, "bytes": 1610612736, "unknownBytesRequests": 0, "usd": 0.150004},
                              "BUCKET": {"requests": 4, "bytes": 4294967296, "unknownBytesRequests": 1, "usd": 0.000012},
                              "REPLICA": {"requests": 0, "bytes": 0, "unknownBytesRequests": 0, "usd": 0.0}},
                   "functionOnOtherRequests": {"requests": 3, "usd": 0.000003},
                   "usd": {"withFunction": 0.150019, "allCloudFront": 0.550006, "savings": 0.399987}},
                 "E2PBG0JIU6CTJY": {"name": "build03",
                   "totals": {"CLOUDFRONT": {"requests": 0, "bytes": 0, "unknownBytesRequests": 0, "usd": 0.0},
                              "BUCKET": {"requests": 1, "bytes": 1073741824, "unknownBytesRequests": 0, "usd": 0.010003},
                              "REPLICA": {"requests": 0, "bytes": 0, "unknownBytesRequests": 0, "usd": 0.0}},
                   "functionOnOtherRequests": {"requests": 0, "usd": 0.0},
                   "usd": {"withFunction": 0.010003, "allCloudFront": 0.200001, "savings": 0.189998}}}
                """), report.get("distributions"));
        // One distribution per day here, so the days repeat the distributions' figures.
        assertEquals(report.at("/distributions/" + APP_CI + "/usd"), report.at("/days/2026-11-01/usd"));
        // What actually happened charges the function only where the logs show it answering: on
        // app.ci's day (its 307s), not on build03's, whose one GET CloudFront served: $0.000001 less.
        assertEquals(report.at("/distributions/" + BUILD03 + "/totals"), report.at("/days/2026-11-02/totals"));
        assertEquals(JSON.readTree("""
                {"outside AWS": {"withFunction": 0.050002, "allCloudFront": 0.050001, "savings": -0.000001},
                 "us-east-1": {"withFunction": 0.000012, "allCloudFront": 0.400004, "savings": 0.399992},
                 "us-east-2": {"withFunction": 0.010003, "allCloudFront": 0.200001, "savings": 0.189998},
                 "us-west-2": {"withFunction": 0.100002, "allCloudFront": 0.100001, "savings": -0.000001}}
                """), regionsUsd(report));
        assertEquals(JSON.readTree("""
                {"replicas": "all",
                 "totals": {"CLOUDFRONT": {"requests": 1, "bytes": 536870912, "unknownBytesRequests": 0, "usd": 0.050002},
                            "BUCKET": {"requests": 4, "bytes": 4294967296, "unknownBytesRequests": 1, "usd": 0.000012},
                            "REPLICA": {"requests": 2, "bytes": 2147483648, "unknownBytesRequests": 0, "usd": 0.000006}},
                 "functionOnOtherRequests": {"requests": 3, "usd": 0.000003},
                 "usd": {"withFunction": 0.050023, "allCloudFront": 0.750007, "savings": 0.699984}}
                """), report.get("upperBound"));
        assertEquals(JSON.readTree("""
                {"totals": {"CLOUDFRONT": {"requests": 5, "bytes": 5905580032, "unknownBytesRequests": 0, "usd": 0.650009},
                            "BUCKET": {"requests": 2, "bytes": 1073741824, "unknownBytesRequests": 1, "usd": 0.000006},
                            "REPLICA": {"requests": 0, "bytes": 0, "unknownBytesRequests": 0, "usd": 0.0}},
                 "functionOnOtherRequests": {"requests": 3, "usd": 0.000003},
                 "usd": {"withFunction": 0.650018, "allCloudFront": 0.750007, "savings": 0.099989},
                 "unattributedRedirects": {"requests": 0, "bytes": 0, "unknownBytesRequests": 0, "usd": 0.0},
                 "ambiguousRedirects": {"requests": 0, "bytes": 0, "unknownBytesRequests": 0, "usd": 0.0, "routes": {}},
                 "decisionLogs": {"lines": 0, "redirectsAttributed": 0}}
                """), report.get("actual"));
    }

    @Test
    @DisplayName("a logged 307 counts under the one route that could have made it; several possible routes are said so")
    void loggedRedirectsAreAttributedToTheRouteThatCouldHaveMadeThem() throws Exception {
        StandardLogs.write(logs.resolve(APP_CI + ".2026-11-03-10.redirects.gz"), List.of(
                line("2026-11-03", "IAD89-C1", GIB, "52.22.255.189", "GET", blob("ee"), 200, DOCKER, "Miss", GIB, null),
                // app.ci's us-west-2 clients have one route, the us-west-2 replica.
                line("2026-11-03", "IAD89-C1", 610, "35.80.0.1", "GET", blob("ee"), 307, DOCKER, "LambdaGeneratedResponse",
                        -1, null),
                // A client outside AWS: no route of this build's leads to a 307.
                line("2026-11-03", "IAD89-C1", 610, "8.8.8.8", "GET", blob("ee"), 307, DOCKER, "LambdaGeneratedResponse",
                        -1, null)));
        StandardLogs.write(logs.resolve(BUILD03 + ".2026-11-03-10.redirects.gz"), List.of(
                // build03's us-east-2 clients: the us-east-2 replica if it held the blob, else build03's bucket.
                line("2026-11-03", "IAD89-C1", 611, "3.12.0.1", "GET", blob("ee"), 307, DOCKER, "LambdaGeneratedResponse",
                        -1, null)));
        JsonNode actual = report(SavingsReport.Replicas.NONE).get("actual");
        assertEquals(1, actual.at("/totals/REPLICA/requests").asLong(), actual.toString());
        assertEquals(GIB, actual.at("/totals/REPLICA/bytes").asLong());
        assertEquals(1, actual.at("/unattributedRedirects/requests").asLong());
        assertEquals(JSON.readTree("{\"appci-replica-us-east-2 or build03\": 1}"), actual.at("/ambiguousRedirects/routes"));
        // Priced as the last, the farm's bucket in us-east-1: $0.01/GB to us-east-2, a GET, CloudFront's
        // request and the function's.
        assertEquals(0.01 + 3 * 0.000001, actual.at("/ambiguousRedirects/usd").asDouble(), 1e-9);
        String summary = ReportText.summary(report(SavingsReport.Replicas.NONE));
        assertTrue(summary.contains("1 of the logged 307s could have come from more than one route"), summary);
        assertTrue(summary.contains("appci-replica-us-east-2 or build03: 1"), summary);

        // An inventory that says the us-east-2 replica lacks the blob leaves build03's bucket alone.
        Path inventory = Files.writeString(logs.resolveSibling("empty-inventory.csv"),
                "\"us-west-2-replica-of-ci-dv2np-image-registry-us-east-1\",\"" + blob("ee").substring(1) + "\"\n");
        JsonNode known = JSON.readTree(new SavingsReport(FixtureRouting.config(), FixtureRegionMap.map()).run(
                new SavingsReport.Request(List.of(logs.resolve(BUILD03 + ".2026-11-03-10.redirects.gz"),
                        logs.resolve(APP_CI + ".2026-11-03-10.redirects.gz")), null, SavingsReport.Replicas.INVENTORY,
                        inventory, prices, 1, null)).json().toString()).get("actual");
        assertEquals(0, known.at("/ambiguousRedirects/requests").asLong(), known.toString());
        assertEquals(1, known.at("/totals/BUCKET/requests").asLong());
        assertEquals(1, known.at("/totals/REPLICA/requests").asLong());

        // The function's own decision lines, as CloudWatch Logs exports them, say exactly: build03's
        // us-east-2 307 went to the replica. (StandardLogs gives each line the id req-<hex>.)
        String requestId = "req-" + Long.toHexString(611 ^ blob("ee").hashCode());
        Path decisions = Files.writeString(logs.resolveSibling("decisions.log"), String.join("\n",
                "START RequestId: 5f1c Version: 7",
                "2026-11-03T10:00:00.120Z\t5f1c\tINFO\t{\"distributionId\":\"E2PBG0JIU6CTJY\",\"distribution\":\"build03\",\"requestId\":\"" + requestId
                        + "\",\"clientIp\":\"3.12.0.1\",\"clientRegion\":\"us-east-2\",\"outcome\":\"REPLICA\","
                        + "\"target\":\"appci-replica-us-east-2\",\"bucket\":\"us-east-2-replica-of-ci-dv2np-image-registry"
                        + "-us-east-1\",\"reason\":\"found in appci-replica-us-east-2\",\"s3Millis\":41,\"totalMillis\":43}",
                "2026-11-03T10:00:00.121Z\t5f1c\tINFO\tregistry-edge: a detail line, not a decision",
                "END RequestId: 5f1c") + "\n");
        JsonNode exact = JSON.readTree(new SavingsReport(FixtureRouting.config(), FixtureRegionMap.map()).run(
                new SavingsReport.Request(List.of(logs.resolve(BUILD03 + ".2026-11-03-10.redirects.gz")), null,
                        SavingsReport.Replicas.NONE, null, prices, 1, null, Bill.Elsewhere.NONE, List.of(decisions)))
                .json().toString()).get("actual");
        assertEquals(0, exact.at("/ambiguousRedirects/requests").asLong(), exact.toString());
        assertEquals(1, exact.at("/totals/REPLICA/requests").asLong());
        assertEquals(JSON.readTree("{\"lines\": 1, \"redirectsAttributed\": 1}"), exact.get("decisionLogs"));

        // The same decision as a line with metrics, which begins with its _aws member (the Node
        // build writes it without Lambda's prefix).
        Path withMetrics = Files.writeString(logs.resolveSibling("decisions-with-metrics.log"), "{\"_aws\":{"
                + "\"CloudWatchMetrics\":[{\"Namespace\":\"RegistryEdge\",\"Dimensions\":[[\"Distribution\",\"Outcome\"]],"
                + "\"Metrics\":[{\"Name\":\"Decisions\",\"Unit\":\"Count\"}]}],\"Timestamp\":1793700000120},"
                + "\"Distribution\":\"build03\",\"Outcome\":\"REPLICA\",\"Decisions\":1,\"distributionId\":\"E2PBG0JIU6CTJY\","
                + "\"distribution\":\"build03\",\"requestId\":\"" + requestId + "\",\"clientIp\":\"3.12.0.1\","
                + "\"clientRegion\":\"us-east-2\",\"outcome\":\"REPLICA\",\"target\":\"appci-replica-us-east-2\","
                + "\"bucket\":\"us-east-2-replica-of-ci-dv2np-image-registry-us-east-1\",\"reason\":\"found\","
                + "\"s3Millis\":41,\"totalMillis\":43}\n");
        JsonNode fromMetrics = JSON.readTree(new SavingsReport(FixtureRouting.config(), FixtureRegionMap.map()).run(
                new SavingsReport.Request(List.of(logs.resolve(BUILD03 + ".2026-11-03-10.redirects.gz")), null,
                        SavingsReport.Replicas.NONE, null, prices, 1, null, Bill.Elsewhere.NONE, List.of(withMetrics)))
                .json().toString()).get("actual");
        assertEquals(JSON.readTree("{\"lines\": 1, \"redirectsAttributed\": 1}"), fromMetrics.get("decisionLogs"));
    }

    @Test
    void distributionsAreListedInTheConfigurationsOrderThenThoseItDoesNotKnow() throws Exception {
        for (String id : new String[] {"E1Q1256FT1FBYD", "EUNKNOWN000000", APP_CI}) {
            StandardLogs.write(logs.resolve(id + ".2026-11-01-10.order.gz"), List.of(
                    line("2026-11-01", "IAD89-C1", GIB, "52.22.255.189", "GET", blob("aa"), 200, DOCKER, "Miss", GIB, null)));
        }
        List<String> ids = new java.util.ArrayList<>();
        report(SavingsReport.Replicas.NONE).get("distributions").fieldNames().forEachRemaining(ids::add);
        assertEquals(List.of(APP_CI, "E1Q1256FT1FBYD", "EUNKNOWN000000"), ids);
    }

    @Test
    void anInventoryLineThatCannotBeReadIsAProblemNamedByFileAndLineAndTheRestIsRead() throws Exception {
        knownLogs();
        // A byte order mark first, as spreadsheet tools write one; then a raw % in a key, and a line that is no CSV.
        Path inventory = Files.writeString(logs.resolveSibling("bad-inventory.csv"),
                "\uFEFF\"us-west-2-replica-of-ci-dv2np-image-registry-us-east-1\",\"" + blob("aa").substring(1)
                        + "\",\"1\"\n\n"
                        + "\"us-west-2-replica-of-ci-dv2np-image-registry-us-east-1\",\"100%zz\",\"1\"\n"
                        + "not,csv\n");
        JsonNode report = JSON.readTree(new SavingsReport(FixtureRouting.config(), FixtureRegionMap.map()).run(
                new SavingsReport.Request(List.of(logs), null, SavingsReport.Replicas.INVENTORY, inventory, prices, 1,
                        null)).json().toString());
        List<String> examples = new java.util.ArrayList<>();
        report.at("/input/problemExamples").forEach(example -> examples.add(example.asText()));
        assertTrue(examples.contains(inventory + ":3: the key '100%zz' is not URL-encoded as S3 Inventory writes it"
                + " (URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: \"zz\"); skipped"),
                examples.toString());
        assertTrue(examples.contains(inventory + ":4: not an S3 Inventory CSV line (\"bucket\",\"key\",...); skipped"),
                examples.toString());
        // The first line, behind its byte order mark, was read: the us-west-2 client's aa went to the replica.
        assertEquals(1, report.at("/totals/REPLICA/requests").asLong());
        assertEquals(1, report.at("/replicaCosts/buckets/us-west-2-replica-of-ci-dv2np-image-registry-us-east-1/objects")
                .asLong());
    }

    @Test
    void oneReplicaAssumptionGivesNoUpperBound() throws Exception {
        knownLogs();
        JsonNode all = report(SavingsReport.Replicas.ALL);
        assertEquals("all", all.get("replicas").asText());
        assertFalse(all.has("upperBound"));
        assertEquals(2, all.at("/totals/REPLICA/requests").asLong());
    }

    @Test
    void anInventoryTellsWhichReplicaHoldsWhichBlob() throws Exception {
        knownLogs();
        // The us-west-2 replica holds aa; the us-east-2 replica does not hold dd; the same us-west-2
        // client's bb is in no replica.
        StandardLogs.write(logs.resolve(APP_CI + ".2026-11-01-14.samewest.gz"), List.of(
                line("2026-11-01", "IAD89-C1", GIB, "35.80.0.1", "GET", blob("bb"), 200, DOCKER, "Hit", GIB, null)));
        Path inventory = Files.writeString(logs.resolveSibling("inventory.csv"),
                "\"us-west-2-replica-of-ci-dv2np-image-registry-us-east-1\",\"" + blob("aa").substring(1)
                        + "\",\"1073741824\"\n");
        SavingsReport.Result result = new SavingsReport(FixtureRouting.config(), FixtureRegionMap.map()).run(
                new SavingsReport.Request(List.of(logs), null, SavingsReport.Replicas.INVENTORY, inventory, prices, 1,
                        null));
        JsonNode report = JSON.readTree(result.json().toString());
        assertEquals(1, report.at("/totals/REPLICA/requests").asLong());
        assertEquals(GIB, report.at("/totals/REPLICA/bytes").asLong());
        assertEquals(5, report.at("/totals/BUCKET/requests").asLong());
        assertEquals(2, report.at("/totals/CLOUDFRONT/requests").asLong());

        // What keeping the replica costs beside what it saves (the inventory gives sizes): 1 GiB
        // stored at $0.02 a GB-month for the 2 days of logs, copied once from us-east-1 to
        // us-west-2 at $0.02/GB with one PUT ($0.005 per 1,000); without it, the us-west-2
        // client's 1 GiB would have been CloudFront's at $0.10 instead of an S3 GET.
        assertEquals(JSON.readTree("""
                {"us-west-2-replica-of-ci-dv2np-image-registry-us-east-1": {"region": "us-west-2", "objects": 1,
                  "bytes": 1073741824, "storageUsdPerMonth": 0.02, "replicationUsd": 0.020005}}
                """), report.at("/replicaCosts/buckets"));
        assertEquals(2, report.at("/replicaCosts/periodDays").asInt());
        assertEquals("us-east-1", report.at("/replicaCosts/sourceRegion").asText());
        assertEquals(SavingsReport.round(0.02 * 2 / 30.4375), report.at("/replicaCosts/storageUsd").asDouble());
        assertEquals(0.1 - 0.000001, report.at("/replicaCosts/savedByReplicasUsd").asDouble(), 1e-6);
        assertEquals(SavingsReport.round(0.1 - 0.000001 - 0.02 * 2 / 30.4375), report.at("/replicaCosts/netUsd").asDouble(),
                1e-6);
        assertEquals(report.at("/withoutReplicas/usd/withFunction").asDouble() - report.at("/usd/withFunction").asDouble(),
                report.at("/replicaCosts/savedByReplicasUsd").asDouble(), 1e-6);
    }

    @Test
    void nothingReadableIsReportedAsSuch() throws Exception {
        StandardLogs.write(logs.resolve(APP_CI + ".2026-11-01-12.nofields.gz"), "garbage\n");
        Files.write(logs.resolve(APP_CI + ".2026-11-01-13.notgzip.gz"), new byte[] {1, 2, 3});
        SavingsReport.Result result = new SavingsReport(FixtureRouting.config(), FixtureRegionMap.map()).run(
                new SavingsReport.Request(List.of(logs), null, null, null, prices, 2, null));
        assertFalse(result.readAnything());
        assertEquals(2, result.json().at("/input/problems").asLong());
    }

    @Test
    void aBrokenPriceTableNamesTheFieldAndValue() {
        assertEquals("my-prices.json: cloudFront.transferOutPerGb.europe.value: 'ten cents' is not a number",
                brokenPrices("\"europe\": {\"value\": 0.2,", "\"europe\": {\"value\": \"ten cents\","));
        assertEquals("my-prices.json: cloudFront.transferOutPerGb.north-america.tiers[1].fromGb: 0.0 is not above"
                + " the tier before", brokenPrices("\"north-america\": {\"value\": 0.1,",
                        "\"north-america\": {\"tiers\": [{\"fromGb\": 0, \"value\": 0.1}, {\"fromGb\": 0, \"value\": 0.05}],"));
        assertEquals("my-prices.json: cloudFront.discount: replaced by cloudFront.commitment (discount,"
                + " monthlyMinimumUsd): a negotiated rate comes with a monthly commitment",
                brokenPrices("\"cloudFront\": {", "\"cloudFront\": {\"discount\": {\"value\": 0.25},"));
        assertEquals("my-prices.json: cloudFront.transferOutPerGb.europe.value: Infinity is not a finite number",
                brokenPrices("\"europe\": {\"value\": 0.2,", "\"europe\": {\"value\": 1e400,"));
        assertEquals("my-prices.json: cloudFront.commitment.discount.value: 1.0 is not a fraction from 0 (list price)"
                + " to below 1", brokenPrices("\"cloudFront\": {",
                        "\"cloudFront\": {\"commitment\": {\"discount\": {\"value\": 1}},"));
    }

    /** The message of reading the test table with one text replaced. */
    private static String brokenPrices(String text, String replacement) {
        String table;
        try (InputStream in = SavingsReportTest.class.getResourceAsStream("/report/prices.json")) {
            table = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(table.contains(text), text);
        String broken = table.replace(text, replacement);
        return org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Prices.read("my-prices.json", new java.io.ByteArrayInputStream(broken.getBytes()))).getMessage();
    }

    @Test
    void theBuiltInPriceTableReads() {
        assertEquals("data/prices.json", Prices.builtIn().file());
        assertEquals("europe", Prices.builtIn().priceRegion("FRA56-P4"));
    }

    private static JsonNode regionsUsd(JsonNode report) {
        var regions = JSON.createObjectNode();
        report.get("clientRegions").fields().forEachRemaining(e -> regions.set(e.getKey(), e.getValue().get("usd")));
        return regions;
    }
}
