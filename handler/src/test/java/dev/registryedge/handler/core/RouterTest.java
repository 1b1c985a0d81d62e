package dev.registryedge.handler.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registryedge.handler.generated.AwsRegionMap;
import dev.registryedge.handler.generated.RoutingTable;
import dev.registryedge.handler.testing.FakeS3;
import dev.registryedge.handler.testing.ManualClock;
import dev.registryedge.handler.testing.RecordingLog;
import dev.registryedge.ipmap.routing.Route;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC.md's decision procedure over the compiled-in default configuration and map. */
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

    final FakeS3 s3 = new FakeS3();
    final RecordingLog log = new RecordingLog();
    final ManualClock clock = new ManualClock();
    final Router router = new Router(RoutingTable.config(), AwsRegionMap.map(), s3, s3, clock, log);

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

        assertPassThrough(router.decide(withAgent(APPCI, US_EAST_1, "debugregistry/mars-north-1")),
                "no route for client region");
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
    void aFailingExistenceCheckPassesThroughAndIsLogged() {
        s3.failing(EAST2_REPLICA, new IllegalStateException("read timed out"));
        assertPassThrough(router.decide(get(BUILD03, US_EAST_2)), "error IllegalStateException");
        assertEquals(List.of("routing failed, letting CloudFront serve: java.lang.IllegalStateException: read timed out"),
                log.details);
    }

    @Test
    void aFailingSignerPassesThrough() {
        UrlSigner broken = (route, key, validity) -> {
            throw new IllegalStateException("credentials expired");
        };
        Router failing = new Router(RoutingTable.config(), AwsRegionMap.map(), s3, broken, clock, log);
        assertPassThrough(failing.decide(get(APPCI, US_EAST_1)), "error IllegalStateException");
    }

    @Test
    void existenceChecksShareOneTimeBudget() {
        // A store that takes most of the budget on its first check.
        ObjectStore slow = new ObjectStore() {
            @Override
            public boolean exists(Route route, String key, int timeoutMillis) {
                s3.timeouts.add(timeoutMillis);
                clock.advance(1900);
                return false;
            }
        };
        Router budgeted = new Router(RoutingTable.config(), AwsRegionMap.map(), slow, s3, clock, log);
        assertRedirect(budgeted.decide(get(BUILD03, US_EAST_2)), Outcome.BUCKET, BUILD03_BUCKET, "us-east-1", "function");
        assertEquals(List.of(1000), s3.timeouts, "each check is limited to requestTimeoutMillis");
        assertTrue(log.decisions.get(0).contains("\"s3Millis\":1900"), log.decisions.get(0));
    }

    @Test
    void logsOneStructuredLinePerDecisionWithoutUrlsOrCredentials() {
        s3.put(EAST2_REPLICA, KEY);
        router.decide(get(BUILD03, US_EAST_2));
        assertEquals(List.of("{\"distribution\":\"build03\",\"clientIp\":\"3.12.0.1\",\"clientRegion\":\"us-east-2\","
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
