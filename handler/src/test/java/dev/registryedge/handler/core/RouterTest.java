package dev.registryedge.handler.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registryedge.handler.fixture.FixtureRegionMap;
import dev.registryedge.handler.fixture.FixtureRouting;
import dev.registryedge.handler.testing.FakeS3;
import dev.registryedge.handler.testing.ManualClock;
import dev.registryedge.handler.testing.RecordingLog;
import dev.registryedge.ipmap.routing.CacheLimits;
import dev.registryedge.ipmap.routing.Credentials;
import dev.registryedge.ipmap.routing.Distribution;
import dev.registryedge.ipmap.routing.Route;
import dev.registryedge.ipmap.routing.RoutingConfig;
import dev.registryedge.ipmap.routing.S3Limits;
import dev.registryedge.ipmap.routing.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decision procedure (docs/configuration.md, "How a request is decided") over the tests'
 * fixture (src/test/resources/fixture: a small map of real prefixes and a configuration like the
 * deployment's six distributions), and over configurations built here where a case needs one.
 */
class RouterTest {

    static final String APPCI = "E2KP8SMSY4XB67";
    static final String BUILD01 = "E1Q1256FT1FBYD";
    static final String BUILD03 = "E2PBG0JIU6CTJY";
    static final String BUILD09 = "E2B105Z8OCWZSC";
    static final String DIGEST = "25d51a8ddcd713bf7ab7db85fd215c302d7ab3995abace04f4fb25acc073e6ce";
    static final String BLOB = "/docker/registry/v2/blobs/sha256/25/" + DIGEST + "/data";
    static final String KEY = BLOB.substring(1);

    static final String US_EAST_1 = "52.22.255.189";
    static final String US_EAST_2 = "3.12.0.1";
    static final String US_WEST_2 = "35.80.0.1";

    static final String APPCI_BUCKET = "ci-dv2np-image-registry-us-east-1-aunteqmixxpqypvdqwbmjbiloeix";
    static final String BUILD03_BUCKET = "build03-vqlvf-image-registry-us-east-1-elknekacnvmxphlxdfyvhpi";
    static final String EAST2_REPLICA = "us-east-2-replica-of-ci-dv2np-image-registry-us-east-1";
    static final String WEST2_REPLICA = "us-west-2-replica-of-ci-dv2np-image-registry-us-east-1";

    final ManualClock clock = new ManualClock();
    final FakeS3 s3 = new FakeS3(clock);
    final RecordingLog log = new RecordingLog();
    final Router router = new Router(FixtureRouting.config(), FixtureRegionMap.map(), s3, s3, clock, log);

    static ViewerRequest get(String distribution, String ip) {
        return new ViewerRequest(distribution, ip, "GET", BLOB, "containers/5.29.0 (github.com/containers/image)");
    }

    static ViewerRequest withAgent(String distribution, String ip, String userAgent) {
        return new ViewerRequest(distribution, ip, "GET", BLOB, userAgent);
    }

    void assertRedirect(Decision decision, Outcome outcome, String bucket, String region, String credentials) {
        assertEquals(outcome, decision.outcome(), decision.toString());
        assertEquals(bucket, decision.target().bucket());
        assertEquals(region, decision.target().region());
        assertEquals("https://" + bucket + ".s3." + region + ".amazonaws.com/" + KEY + "?signed-by=" + credentials
                + "&expires-in=1200", decision.location());
    }

    void assertPassThrough(Decision decision, String reason) {
        assertEquals(Outcome.CLOUDFRONT, decision.outcome(), decision.toString());
        assertEquals(reason, decision.reason());
        assertNull(decision.location());
    }

    @Test
    @DisplayName("us-east-1 EC2 clients go straight to the distribution's bucket without any check")
    void usEast1ClientGoesToTheFarmBucket() {
        assertRedirect(router.decide(get(APPCI, US_EAST_1)), Outcome.BUCKET, APPCI_BUCKET, "us-east-1", "function");
        assertRedirect(router.decide(get(BUILD03, US_EAST_1)), Outcome.BUCKET, BUILD03_BUCKET, "us-east-1", "function");
        assertEquals(List.of(), s3.checks);
    }

    @Test
    void usEast2ClientOfAFarmGetsTheReplicaThroughTheAssumedRoleWhenItHoldsTheBlob() {
        s3.put(EAST2_REPLICA, KEY);
        assertRedirect(router.decide(get(BUILD03, US_EAST_2)), Outcome.REPLICA, EAST2_REPLICA, "us-east-2",
                "appci-replica-reader");
        assertEquals(List.of(EAST2_REPLICA + " as appci-replica-reader"), s3.checks);
    }

    @Test
    void usEast2ClientOfAFarmFallsBackToTheFarmBucketWhenTheReplicaLacksTheBlob() {
        assertRedirect(router.decide(get(BUILD03, US_EAST_2)), Outcome.BUCKET, BUILD03_BUCKET, "us-east-1", "function");
    }

    @Test
    void usWest2ClientOfAppCiGetsTheReplicaWithTheFunctionsOwnCredentials() {
        s3.put(WEST2_REPLICA, KEY);
        assertRedirect(router.decide(get(APPCI, US_WEST_2)), Outcome.REPLICA, WEST2_REPLICA, "us-west-2", "function");
        assertEquals(List.of(WEST2_REPLICA + " as function"), s3.checks);
    }

    @Test
    void usWest2ClientPassesThroughWhenTheReplicaLacksTheBlob() {
        assertPassThrough(router.decide(get(APPCI, US_WEST_2)), "not in any checked target");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "108.156.178.3", "127.0.0.1", "::1", "2a00:1450::1"})
    void clientsOutsideARoutedEc2RegionPassThrough(String ip) {
        assertPassThrough(router.decide(get(APPCI, ip)), "client is in no EC2 region");
    }

    @Test
    void anApNortheast2Ec2ClientPassesThroughForWantOfARoute() {
        Decision decision = router.decide(get(APPCI, "3.5.140.10"));
        assertEquals("ap-northeast-2", decision.clientRegion());
        assertPassThrough(decision, "no route for client region");
    }

    @Test
    void ipv6ClientsAreRoutedToo() {
        assertRedirect(router.decide(get(APPCI, "2600:1f18:4000::1")), Outcome.BUCKET, APPCI_BUCKET, "us-east-1",
                "function");
    }

    @Test
    void build09IsSignedForUsEast2WhereItsBucketLives() {
        assertRedirect(router.decide(get(BUILD09, US_EAST_1)), Outcome.BUCKET,
                "build09-x99t2-image-registry-us-east-2-vdprrtegoqcavvotayumroy", "us-east-2", "function");
    }

    @Test
    void excludedNetworksAreServedByCloudFrontBeforeAnythingElse() {
        assertPassThrough(router.decide(withAgent(APPCI, "169.59.196.161", "debugregistry/local")),
                "client network 169.59.196.160/28 always served by CloudFront");
    }

    @Test
    void debugOverrides() {
        assertPassThrough(router.decide(withAgent(APPCI, US_EAST_1, "debugregistry/cloudfront")),
                "debug override cloudfront");

        s3.put(WEST2_REPLICA, KEY);
        Decision west = router.decide(withAgent(APPCI, "8.8.8.8", "debugregistry/us-west-2"));
        assertRedirect(west, Outcome.REPLICA, WEST2_REPLICA, "us-west-2", "function");
        assertEquals("debug override region", west.reason());

        Decision local = router.decide(withAgent(BUILD01, "8.8.8.8", "debugregistry/local"));
        assertRedirect(local, Outcome.BUCKET, "build01-9hdwj-image-registry-us-east-1-nucqrmelsxtgndkbvchwdkw",
                "us-east-1", "function");
        assertEquals("debug override local", local.reason());

        assertPassThrough(router.decide(withAgent(APPCI, US_EAST_1, "debugregistry/ap-northeast-2")),
                "no route for client region");
    }

    @ParameterizedTest
    @ValueSource(strings = {"debugregistry/mars-north-1", "debugregistry/verbose", "debugregistry/US-EAST-1",
        "debugregistry/../../us-east-1", "debugregistry/us-west-2 ", "debugregistry/"})
    void onlyARegionTheMapKnowsIsAnOverrideAnythingElseIsVerboseLogging(String userAgent) {
        Decision decision = router.decide(withAgent(APPCI, US_EAST_1, userAgent));
        assertRedirect(decision, Outcome.BUCKET, APPCI_BUCKET, "us-east-1", "function");
        assertEquals("us-east-1", decision.clientRegion());
        assertTrue(decision.verbose());
    }

    @Test
    void whatARequestSuppliesIsClippedInTheLog() {
        String huge = "x".repeat(1 << 20);
        router.decide(withAgent(huge, huge, "debugregistry/" + huge));
        router.decide(new ViewerRequest(APPCI, huge, huge, BLOB, null));
        router.decide(new ViewerRequest(huge, APPCI, huge, BLOB, null, null));
        assertEquals(3, log.decisions.size());
        List<String> lines = new ArrayList<>(log.decisions);
        lines.addAll(log.details);
        for (String line : lines) {
            // The metrics take a constant 640 characters or so; what the request supplied, the rest.
            assertTrue(line.length() < 1700, line.length() + " chars");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"origin-request", "viewer-response", "origin-response", "VIEWER-REQUEST", ""})
    void onlyAViewerRequestIsEverRedirected(String eventType) {
        assertPassThrough(router.decide(new ViewerRequest(eventType, APPCI, US_EAST_1, "GET", BLOB, null)),
                "event type " + eventType + " is not viewer-request");
        assertPassThrough(router.decide(new ViewerRequest(null, APPCI, US_EAST_1, "GET", BLOB, null)),
                "event type null is not viewer-request");
        assertEquals(List.of(), s3.checks);
    }

    @Test
    void anyOtherDebugAgentOnlyTurnsOnVerboseLogging() {
        Decision decision = router.decide(withAgent(APPCI, US_EAST_1, "debugregistry-please"));
        assertRedirect(decision, Outcome.BUCKET, APPCI_BUCKET, "us-east-1", "function");
        assertTrue(decision.verbose());
        assertEquals(List.of("redirecting to appci (" + APPCI_BUCKET + ")"), log.details);

        router.decide(get(APPCI, US_EAST_1));
        assertEquals(1, log.details.size(), "ordinary requests add no detail");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HEAD", "OPTIONS", "POST", "get", ""})
    void onlyGetIsRedirected(String method) {
        Decision decision = router.decide(new ViewerRequest(APPCI, US_EAST_1, method, BLOB, null));
        assertPassThrough(decision, "method " + method + " is not GET");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/v2/ocp/4.11/manifests/latest",
        "/docker/registry/v2/repositories/ocp/_manifests/tags/latest/current/link",
        "/docker/registry/v2/blobs/sha256/25/" + DIGEST + "/data/",
        "/docker/registry/v2/blobs/sha256/25/" + DIGEST + "/data?x",
        "/docker/registry/v2/blobs/sha256/26/" + DIGEST + "/data",
        "/docker/registry/v2/blobs/sha256/25/" + DIGEST + "0/data",
        "/docker/registry/v2/blobs/sha256/25/25d51a8ddcd713bf7ab7db85fd215c302d7ab3995abace04f4fb25acc073e6c/data",
        "/docker/registry/v2/blobs/sha256/25/25D51A8DDCD713BF7AB7DB85FD215C302D7AB3995ABACE04F4FB25ACC073E6CE/data",
        "/docker/registry/v2/blobs/sha256/25/../25/" + DIGEST + "/data",
        "/docker/registry/v2/blobs/sha256/25%2f" + DIGEST + "/data",
        "/docker/registry/v2/blobs/sha256/25/25d51a8ddcd713bf7ab7db85fd215c302d7ab3995abace04f4fb25acc073e6c%65/data",
        "//docker/registry/v2/blobs/sha256/25/" + DIGEST + "/data",
        "/docker/registry/v2/blobs/sha512/25/" + DIGEST + "/data",
        "/docker/registry/v2/blobs/sha256/25/" + DIGEST + "/link",
        "docker/registry/v2/blobs/sha256/25/" + DIGEST + "/data/",
        "",
    })
    void onlyExactBlobPathsAreRedirected(String uri) {
        Decision decision = router.decide(new ViewerRequest(APPCI, US_EAST_1, "GET", uri, null));
        assertPassThrough(decision, "not a blob path");
    }

    @Test
    void malformedRequestsPassThrough() {
        assertPassThrough(router.decide(null), "no request in event");
        assertPassThrough(router.decide(new ViewerRequest(APPCI, null, "GET", BLOB, null)), "client is in no EC2 region");
        assertPassThrough(router.decide(new ViewerRequest(APPCI, "garbage", "GET", BLOB, null)),
                "client is in no EC2 region");
        assertPassThrough(router.decide(new ViewerRequest(null, US_EAST_1, "GET", BLOB, null)), "unknown distribution");
        assertPassThrough(router.decide(new ViewerRequest("E0000000000000", US_EAST_1, "GET", BLOB, null)),
                "unknown distribution");
        assertPassThrough(router.decide(new ViewerRequest(APPCI, US_EAST_1, null, BLOB, null)), "method null is not GET");
        assertPassThrough(router.decide(new ViewerRequest(APPCI, US_EAST_1, "GET", null, null)), "not a blob path");
    }

    @Test
    @DisplayName("a failed replica check moves on to the farm's bucket, which surely holds the blob, and is logged")
    void aFailingExistenceCheckMovesOnToTheNextTarget() {
        s3.failing(EAST2_REPLICA, new IllegalStateException("HeadObject answered 403"));
        Decision decision = router.decide(get(BUILD03, US_EAST_2));
        assertRedirect(decision, Outcome.BUCKET, BUILD03_BUCKET, "us-east-1", "function");
        assertEquals(List.of("appci-replica-us-east-2"), decision.unusable());
        assertEquals(List.of("target appci-replica-us-east-2 unusable for this request, trying the next: "
                + "java.lang.IllegalStateException: HeadObject answered 403"), log.details);
        assertTrue(log.decisions.get(0).contains(",\"unusable\":[\"appci-replica-us-east-2\"],"), log.decisions.get(0));
    }

    @Test
    void aChainWithNothingUsableLeftEndsInCloudFront() {
        s3.failing(WEST2_REPLICA, new IllegalStateException("connection refused"));
        assertPassThrough(router.decide(get(APPCI, US_WEST_2)), "no usable target");
    }

    @Test
    void aTargetThatCannotBeSignedForIsSkippedToo() {
        UrlSigner broken = (route, key, validity, deadline) -> {
            throw new IllegalStateException("credentials expired");
        };
        Router failing = new Router(FixtureRouting.config(), FixtureRegionMap.map(), s3, broken, clock, log);
        assertPassThrough(failing.decide(get(APPCI, US_EAST_1)), "no usable target");
    }

    @Test
    @DisplayName("a presigned URL longer than a redirect may carry makes its target unusable: the next one is taken")
    void aRedirectTooLargeForCloudFrontIsNeverAnswered() {
        s3.put(EAST2_REPLICA, KEY);
        UrlSigner oversized = (route, key, validity, deadline) -> route.target().bucket().equals(EAST2_REPLICA)
                ? "https://" + EAST2_REPLICA + "/" + key + "?X-Amz-Credential=" + "A".repeat(Redirect.MAX_LOCATION_CHARS)
                : s3.presignGet(route, key, validity, deadline);
        Router router = new Router(FixtureRouting.config(), FixtureRegionMap.map(), s3, oversized, clock, log);
        Decision decision = router.decide(get(BUILD03, US_EAST_2));
        assertRedirect(decision, Outcome.BUCKET, BUILD03_BUCKET, "us-east-1", "function");
        assertEquals(List.of("appci-replica-us-east-2"), decision.unusable());
        assertTrue(log.details.stream().anyMatch(line -> line.contains(" characters, over 16384: CloudFront would refuse"
                + " the response")), log.details.toString());
    }

    @Test
    void aPresignedUrlOfExactlyTheBoundIsAnswered() {
        String prefix = "https://b/" + KEY + "?";
        UrlSigner longest = (route, key, validity, deadline) -> prefix + "x".repeat(Redirect.MAX_LOCATION_CHARS
                - prefix.length());
        Router router = new Router(FixtureRouting.config(), FixtureRegionMap.map(), s3, longest, clock, log);
        Decision decision = router.decide(get(APPCI, US_EAST_1));
        assertEquals(Redirect.MAX_LOCATION_CHARS, decision.location().length());
        assertEquals(Outcome.BUCKET, decision.outcome());
    }

    @Test
    void anErrorIsNeverAnAnswerOnlyCloudFront() {
        UrlSigner buggy = (route, key, validity, deadline) -> {
            throw new StackOverflowError();
        };
        Router failing = new Router(FixtureRouting.config(), FixtureRegionMap.map(), s3, buggy, clock, log);
        assertPassThrough(failing.decide(get(APPCI, US_EAST_1)), "error StackOverflowError");
    }

    /** Client region us-east-2, distribution "farm": these checked targets in order, then the farm's bucket. */
    Router farmWithCheckedTargets(int budgetMillis, Target... checked) {
        List<Route> routes = new ArrayList<>();
        for (Target target : checked) {
            routes.add(new Route(target, ROLE));
        }
        routes.add(new Route(FARM_BUCKET, Credentials.FUNCTION));
        Distribution farm = new Distribution("EFARM", "farm", routes.get(routes.size() - 1), Map.of("us-east-2", routes));
        RoutingConfig config = new RoutingConfig(1200, new S3Limits(300, FakeS3.CALL_LIMIT_MILLIS, budgetMillis),
                CacheLimits.DEFAULT, true, List.of(), Map.of("EFARM", farm));
        return new Router(config, FixtureRegionMap.map(), s3, s3, clock, log);
    }

    static final Credentials ROLE = new Credentials("reader", "arn:aws:iam::123456789012:role/reader", "edge", 3600);
    static final Target FARM_BUCKET = new Target("farm", "farm-bucket", "us-east-1", null, false, false);

    static Target checked(String name) {
        return new Target(name, name + "-bucket", "us-east-2", null, false, true);
    }

    @Test
    @DisplayName("two stalled checks share one deadline: the second is cut to what is left, then the bucket wins")
    void twoCheckedTargetsShareOneDeadline() {
        Router router = farmWithCheckedTargets(1500, checked("a"), checked("b"));
        s3.slowHead("a-bucket", 60_000).slowHead("b-bucket", 60_000);
        long started = clock.millis();
        Decision decision = router.decide(get("EFARM", US_EAST_2));
        assertEquals(List.of(1000, 500), s3.timeouts);
        assertEquals(1500, clock.millis() - started, "the request's network time ends at its deadline");
        assertEquals(Outcome.BUCKET, decision.outcome(), decision.toString());
        assertEquals("farm-bucket", decision.target().bucket());
        assertEquals(List.of("a", "b"), decision.unusable());
        assertEquals(1500, decision.s3Millis());
    }

    @Test
    @DisplayName("slow AssumeRole and slow HEADs over three checked targets never wait past the deadline")
    void slowStsAndSlowHeadsOverThreeCheckedTargetsEndAtTheDeadline() {
        Router router = farmWithCheckedTargets(2000, checked("a"), checked("b"), checked("c"));
        s3.slowAssumeRole("reader", 700).slowHead("a-bucket", 60_000).slowHead("b-bucket", 60_000)
                .slowHead("c-bucket", 60_000);
        long started = clock.millis();
        Decision decision = router.decide(get("EFARM", US_EAST_2));
        // a: AssumeRole 700 ms, HEAD cut at 1000 ms; b: AssumeRole cut to the 300 ms left;
        // c: nothing left, no call started; the farm's bucket needs no call.
        assertEquals(List.of(1000, 1000, 300), s3.timeouts);
        assertEquals(2000, clock.millis() - started);
        assertEquals("farm-bucket", decision.target().bucket());
        assertEquals(List.of("a", "b", "c"), decision.unusable());
    }

    /** A farm whose home is a checked cache, and whose us-west-2 clients go to an R2 bucket. */
    Router farmWithCheckedHomeAndEndpointTarget() {
        Route home = new Route(checked("home-cache"), Credentials.FUNCTION);
        Route r2 = new Route(new Target("r2", "r2-cache", "auto", "https://account.r2.example.com", true, false),
                Credentials.FUNCTION);
        Distribution farm = new Distribution("EFARM", "farm", home, Map.of("us-east-1", List.of(home),
                "us-west-2", List.of(r2)));
        RoutingConfig config = new RoutingConfig(1200, new S3Limits(300, FakeS3.CALL_LIMIT_MILLIS, 2000),
                CacheLimits.DEFAULT, true, List.of(), Map.of("EFARM", farm));
        return new Router(config, FixtureRegionMap.map(), s3, s3, clock, log);
    }

    @Test
    void debugLocalChecksAHomeThatAsksForIt() {
        Router router = farmWithCheckedHomeAndEndpointTarget();
        assertPassThrough(router.decide(withAgent("EFARM", "8.8.8.8", "debugregistry/local")), "not in any checked target");
        s3.put("home-cache-bucket", KEY);
        clock.advance(30_001); // past the time an "absent" answer is trusted
        Decision decision = router.decide(withAgent("EFARM", "8.8.8.8", "debugregistry/local"));
        assertEquals(Outcome.BUCKET, decision.outcome());
        assertEquals("debug override local", decision.reason());
        assertEquals(List.of("home-cache-bucket as function", "home-cache-bucket as function"), s3.checks);
    }

    @Test
    void aTargetWithAnEndpointOfItsOwnIsOneMoreRoute() {
        Decision decision = farmWithCheckedHomeAndEndpointTarget().decide(get("EFARM", US_WEST_2));
        assertEquals(Outcome.BUCKET, decision.outcome());
        assertEquals("https://account.r2.example.com", decision.target().endpoint());
        assertEquals("bucket auto r2", decision.routeDescription());
        assertEquals(List.of(), s3.checks, "no check unless the target asks for one");
    }

    @Test
    @DisplayName("a checked cache of the distribution's own that holds the blob wins after a stalled one; it is no replica")
    void aCheckThatFindsTheBlobAfterAStalledOneStillWins() {
        Router router = farmWithCheckedTargets(2000, checked("a"), checked("b"));
        s3.slowHead("a-bucket", 60_000).slowHead("b-bucket", 40).put("b-bucket", KEY);
        Decision decision = router.decide(get("EFARM", US_EAST_2));
        assertEquals(Outcome.BUCKET, decision.outcome());
        assertEquals("found in b", decision.reason());
        assertEquals("bucket us-east-2 b", decision.routeDescription());
        assertEquals("b-bucket", decision.target().bucket());
        assertEquals(List.of(1000, 1000), s3.timeouts);
    }

    @Test
    void logsOneStructuredLinePerDecisionWithoutUrlsOrCredentials() {
        s3.put(EAST2_REPLICA, KEY);
        router.decide(get(BUILD03, US_EAST_2));
        assertEquals(List.of("{\"_aws\":{\"CloudWatchMetrics\":[{\"Namespace\":\"RegistryEdge\","
                + "\"Dimensions\":[[\"Distribution\",\"Outcome\"]],\"Metrics\":[{\"Name\":\"Decisions\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"Redirects\",\"Unit\":\"Count\"},{\"Name\":\"UnusableTargets\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"ExistenceChecks\",\"Unit\":\"Count\"},{\"Name\":\"CacheHits\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"S3CheckMillis\",\"Unit\":\"Milliseconds\"}]}],\"Timestamp\":1700000000000},"
                + "\"Distribution\":\"build03\","
                + "\"Outcome\":\"REPLICA\",\"Decisions\":1,\"Redirects\":1,\"UnusableTargets\":0,\"ExistenceChecks\":1,"
                + "\"CacheHits\":0,\"S3CheckMillis\":0,"
                + "\"distributionId\":\"E2PBG0JIU6CTJY\",\"distribution\":\"build03\",\"requestId\":null,\"clientIp\":\"3.12.0.1\",\"clientRegion\":\"us-east-2\","
                + "\"outcome\":\"REPLICA\",\"target\":\"appci-replica-us-east-2\",\"bucket\":\"" + EAST2_REPLICA + "\","
                + "\"reason\":\"found in appci-replica-us-east-2\",\"s3Millis\":0,\"totalMillis\":0}"), log.decisions);
    }

    @Test
    void theDiagnosticHeaderNamesTheRoute() {
        s3.put(EAST2_REPLICA, KEY);
        Decision decision = router.decide(get(BUILD03, US_EAST_2));
        assertEquals(List.of(
                new Redirect.Header("location", "Location", decision.location()),
                new Redirect.Header("cache-control", "Cache-Control", "no-store"),
                new Redirect.Header("x-registry-edge-route", "X-Registry-Edge-Route",
                        "replica us-east-2 appci-replica-us-east-2")), Redirect.headers(decision));
    }
}
