package dev.registryedge.handler.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registryedge.handler.fixture.FixtureRegionMap;
import dev.registryedge.handler.fixture.FixtureRouting;
import dev.registryedge.handler.testing.EmfReader;
import dev.registryedge.handler.testing.FakeS3;
import dev.registryedge.handler.testing.ManualClock;
import dev.registryedge.handler.testing.RecordingLog;
import dev.registryedge.ipmap.routing.MetricsDetail;
import dev.registryedge.ipmap.routing.RoutingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Each decision line is a CloudWatch Embedded Metric Format document, read by {@link EmfReader}
 * (written from AWS's specification, not from this code): for every outcome, per distribution
 * and outcome by default, per distribution when coarser, and a plain line when off.
 */
class DecisionMetricsTest {

    private final ManualClock clock = new ManualClock();
    private final FakeS3 s3 = new FakeS3(clock);
    private final RecordingLog log = new RecordingLog();

    private Router router(MetricsDetail detail) {
        RoutingConfig fixture = FixtureRouting.config();
        RoutingConfig config = new RoutingConfig(fixture.presignValiditySeconds(), fixture.s3(),
                fixture.existenceCache(), fixture.debugOverrides(), fixture.alwaysCloudFront(), fixture.distributions(),
                detail);
        return new Router(config, FixtureRegionMap.map(), s3, s3, clock, log);
    }

    /** What CloudWatch takes from the line, as {@code metric{dimension=value,...} value unit}. */
    private static List<String> metrics(String line) {
        List<String> read = new ArrayList<>();
        for (EmfReader.Value value : EmfReader.read(line)) {
            assertEquals(DecisionRecord.NAMESPACE, value.namespace());
            read.add(value.metric() + new TreeMap<>(value.dimensions()) + " " + (long) value.value() + " "
                    + value.unit());
        }
        return read;
    }

    @Test
    void aRedirectToTheBucketCountsADecisionAndARedirectWithoutAnyCheck() {
        router(MetricsDetail.OUTCOME).decide(RouterTest.get(RouterTest.APPCI, RouterTest.US_EAST_1));
        assertEquals(List.of("Decisions{Distribution=app.ci, Outcome=BUCKET} 1 Count",
                "Redirects{Distribution=app.ci, Outcome=BUCKET} 1 Count",
                "UnusableTargets{Distribution=app.ci, Outcome=BUCKET} 0 Count",
                "ExistenceChecks{Distribution=app.ci, Outcome=BUCKET} 0 Count",
                "CacheHits{Distribution=app.ci, Outcome=BUCKET} 0 Count"), metrics(log.decisions.get(0)));
    }

    @Test
    void aReplicaFoundByACheckCountsTheCheckAndItsLatencyAndTheNextOneAHit() {
        s3.put(RouterTest.EAST2_REPLICA, RouterTest.KEY).slowHead(RouterTest.EAST2_REPLICA, 35);
        Router router = router(MetricsDetail.OUTCOME);
        router.decide(RouterTest.get(RouterTest.BUILD03, RouterTest.US_EAST_2));
        router.decide(RouterTest.get(RouterTest.BUILD03, RouterTest.US_EAST_2));
        String dims = "{Distribution=build03, Outcome=REPLICA}";
        assertEquals(List.of("Decisions" + dims + " 1 Count", "Redirects" + dims + " 1 Count",
                "UnusableTargets" + dims + " 0 Count", "ExistenceChecks" + dims + " 1 Count",
                "CacheHits" + dims + " 0 Count", "S3CheckMillis" + dims + " 35 Milliseconds"),
                metrics(log.decisions.get(0)));
        assertEquals(List.of("Decisions" + dims + " 1 Count", "Redirects" + dims + " 1 Count",
                "UnusableTargets" + dims + " 0 Count", "ExistenceChecks" + dims + " 1 Count",
                "CacheHits" + dims + " 1 Count"), metrics(log.decisions.get(1)), "no S3 call, so no latency");
    }

    @Test
    void aTargetFoundUnusableIsCountedWithTheBucketItFellBackTo() {
        s3.failing(RouterTest.EAST2_REPLICA, new IllegalStateException("503"));
        router(MetricsDetail.OUTCOME).decide(RouterTest.get(RouterTest.BUILD03, RouterTest.US_EAST_2));
        List<String> read = metrics(log.decisions.get(0));
        assertTrue(read.contains("UnusableTargets{Distribution=build03, Outcome=BUCKET} 1 Count"), read.toString());
        assertTrue(read.contains("Redirects{Distribution=build03, Outcome=BUCKET} 1 Count"), read.toString());
    }

    @Test
    void aPassThroughCountsNoRedirect() {
        router(MetricsDetail.OUTCOME).decide(RouterTest.get(RouterTest.APPCI, RouterTest.US_WEST_2));
        List<String> read = metrics(log.decisions.get(0));
        assertTrue(read.contains("Decisions{Distribution=app.ci, Outcome=CLOUDFRONT} 1 Count"), read.toString());
        assertTrue(read.contains("Redirects{Distribution=app.ci, Outcome=CLOUDFRONT} 0 Count"), read.toString());
        assertTrue(read.contains("ExistenceChecks{Distribution=app.ci, Outcome=CLOUDFRONT} 1 Count"), read.toString());
    }

    /** Whatever a client sends, the dimensions are configured names, "other" and the three outcomes. */
    @Test
    void noRequestCanCreateAMetric() {
        Router router = router(MetricsDetail.OUTCOME);
        List<ViewerRequest> hostile = List.of(
                new ViewerRequest("EFORGED" + "X".repeat(2000), RouterTest.US_EAST_1, "GET", RouterTest.BLOB, "curl"),
                new ViewerRequest("\u0000\n\"}", "not-an-ip", "DELETE\n", "/\u2028", "debugregistry/region=us-east-2"),
                new ViewerRequest(null, null, null, null, null),
                new ViewerRequest(RouterTest.APPCI, RouterTest.US_EAST_1, "GET", RouterTest.BLOB,
                        "debugregistry/cloudfront \"Distribution\":\"evil\""));
        hostile.forEach(router::decide);
        router.decide(null);
        Set<String> allowed = new java.util.HashSet<>(List.of("other"));
        FixtureRouting.config().distributions().values().forEach(d -> allowed.add(d.name()));
        for (String line : log.decisions) {
            for (EmfReader.Value value : EmfReader.read(line)) {
                assertTrue(allowed.contains(value.dimensions().get("Distribution")), line);
                assertTrue(Set.of("BUCKET", "REPLICA", "CLOUDFRONT").contains(value.dimensions().get("Outcome")), line);
                assertEquals(Set.of("Distribution", "Outcome"), value.dimensions().keySet(), line);
            }
        }
        assertEquals("other", EmfReader.read(log.decisions.get(0)).get(0).dimensions().get("Distribution"));
    }

    @Test
    void coarserMetricsArePerDistributionOnly() {
        router(MetricsDetail.DISTRIBUTION).decide(RouterTest.get(RouterTest.APPCI, RouterTest.US_EAST_1));
        assertEquals(List.of("Decisions{Distribution=app.ci} 1 Count", "Redirects{Distribution=app.ci} 1 Count",
                "UnusableTargets{Distribution=app.ci} 0 Count", "ExistenceChecks{Distribution=app.ci} 0 Count",
                "CacheHits{Distribution=app.ci} 0 Count"), metrics(log.decisions.get(0)));
    }

    @Test
    void offLeavesThePlainLineThatWasThereBefore() {
        router(MetricsDetail.OFF).decide(RouterTest.get(RouterTest.APPCI, RouterTest.US_EAST_1));
        String line = log.decisions.get(0);
        assertFalse(EmfReader.isDocument(line), line);
        assertTrue(line.startsWith("{\"distributionId\":\"E2KP8SMSY4XB67\",\"distribution\":\"app.ci\""), line);
    }

    @Test
    void theLineKeepsEveryFieldItHadAndStampsTheMetricsWithTheDecisionsTime() throws Exception {
        clock.advance(86_400_000L);
        long decidedAt = clock.millis();
        router(MetricsDetail.OUTCOME).decide(RouterTest.get(RouterTest.APPCI, RouterTest.US_EAST_1));
        var line = new com.fasterxml.jackson.databind.ObjectMapper().readTree(log.decisions.get(0));
        assertEquals(decidedAt, line.at("/_aws/Timestamp").asLong());
        for (String field : List.of("distributionId", "distribution", "requestId", "clientIp", "clientRegion", "outcome",
                "target", "bucket", "reason", "s3Millis", "totalMillis")) {
            assertTrue(line.has(field), field);
        }
    }

    /** The reader refuses what the specification refuses: it is no rubber stamp. */
    @Test
    void theReaderRefusesWhatTheSpecificationRefuses() {
        Map<String, String> broken = Map.of(
                "prefixed", "2026-12-02T07:00:00.000Z\tid\tINFO\t{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[]}}",
                "no timestamp", "{\"_aws\":{\"CloudWatchMetrics\":[]}}",
                "dimension not a string", "{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"N\","
                        + "\"Dimensions\":[[\"D\"]],\"Metrics\":[]}]},\"D\":7}",
                "metric missing", "{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"N\","
                        + "\"Dimensions\":[[]],\"Metrics\":[{\"Name\":\"M\"}]}]}}",
                "bad unit", "{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"N\","
                        + "\"Dimensions\":[[]],\"Metrics\":[{\"Name\":\"M\",\"Unit\":\"Requests\"}]}]},\"M\":1}",
                "31 dimensions", "{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"N\","
                        + "\"Dimensions\":[[" + String.join(",", java.util.Collections.nCopies(31, "\"D\"")) + "]],"
                        + "\"Metrics\":[]}]},\"D\":\"x\"}",
                "extra member", "{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"N\","
                        + "\"Dimensions\":[],\"Metrics\":[],\"Extra\":1}]}}");
        broken.forEach((why, line) -> assertThrows(IllegalArgumentException.class, () -> EmfReader.read(line), why));
    }
}
