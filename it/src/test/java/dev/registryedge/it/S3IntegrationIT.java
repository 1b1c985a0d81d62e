package dev.registryedge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registryedge.handler.sigv4.AwsKeys;
import dev.registryedge.handler.sigv4.S3Location;
import dev.registryedge.handler.sigv4.S3Presign;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Both builds against real S3 APIs (S3Proxy, signatures checked): every route with real
 * objects, each redirect followed and its body's digest checked.
 */
class S3IntegrationIT {

    static final String APPCI = "E2KP8SMSY4XB67";
    static final String BUILD01 = "E1Q1256FT1FBYD";
    static final String BUILD03 = "E2PBG0JIU6CTJY";
    static final String EAST1 = "52.22.255.189";
    static final String EAST2 = "3.12.0.1";
    static final String WEST2 = "35.80.0.1";

    static S3World world;
    static FakeAws sts;
    static String everywhere;
    static String farmOnly;
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startS3() throws Exception {
        world = new S3World();
        sts = new FakeAws(Set.of(), S3World.IDENTITY, S3World.CREDENTIAL, Duration.ofHours(1));
        everywhere = world.newBlob(70_000);
        farmOnly = world.newBlob(1_000);
        world.store(everywhere, S3World.APPCI, S3World.BUILD01, S3World.BUILD03, EventCorpus.REPLICA_EAST2,
                EventCorpus.REPLICA_WEST1, EventCorpus.REPLICA_WEST2);
        world.store(farmOnly, S3World.APPCI, S3World.BUILD01, S3World.BUILD03);
    }

    @AfterAll
    static void stopS3() {
        sts.close();
        world.close();
    }

    static Stream<String> builds() {
        return Stream.of("jvm", "node");
    }

    static EdgeUnderTest build(String which) {
        return which.equals("jvm")
                ? EdgeUnderTest.jvm(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3World.IDENTITY,
                        S3World.CREDENTIAL)), world.endpointSpec(), sts.uri())
                : EdgeUnderTest.node(S3World.IDENTITY, S3World.CREDENTIAL, world.endpointSpec(), sts.uri());
    }

    static Map<String, Object> get(String distribution, String ip, String digest, String userAgent) {
        return EventCorpus.event(distribution, ip, "GET", "/" + EventCorpus.blobKey(digest), userAgent);
    }

    /** Follows the redirect like a registry client and checks the body against the digest. */
    static String follow(JsonNode response, String digest) throws Exception {
        assertEquals("307", response.path("status").asText(), response.toString());
        String location = response.at("/headers/location/0/value").asText();
        HttpResponse<byte[]> blob = CLIENT.send(HttpRequest.newBuilder(URI.create(location)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, blob.statusCode(), location + " -> " + new String(blob.body()));
        assertEquals(digest, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(blob.body())));
        return response.at("/headers/x-registry-edge-route/0/value").asText();
    }

    static void assertPassThrough(JsonNode response) {
        assertFalse(response.has("status"), response.toString());
        assertEquals("GET", response.path("method").asText(), response.toString());
    }

    @ParameterizedTest
    @MethodSource("builds")
    @DisplayName("every route of the documented worked examples, followed to the bytes")
    void everyRouteDeliversTheRightBytes(String which) throws Exception {
        int assumedBefore = sts.assumeRoleCalls.get();
        try (EdgeUnderTest edge = build(which)) {
            assertEquals("bucket us-east-1 appci", follow(edge.handle(get(APPCI, EAST1, everywhere, null)), everywhere));
            assertEquals("bucket us-east-1 build03", follow(edge.handle(get(BUILD03, EAST1, farmOnly, null)), farmOnly));
            JsonNode throughRole = edge.handle(get(BUILD03, EAST2, everywhere, null));
            assertTrue(throughRole.at("/headers/location/0/value").asText().contains("X-Amz-Security-Token=role-token"),
                    "the farm's URL for app.ci's replica is signed with the assumed role's keys: " + throughRole);
            assertEquals("replica us-east-2 appci-replica-us-east-2", follow(throughRole, everywhere));
            assertEquals("bucket us-east-1 build03", follow(edge.handle(get(BUILD03, EAST2, farmOnly, null)), farmOnly));
            assertEquals("replica us-west-2 appci-replica-us-west-2",
                    follow(edge.handle(get(APPCI, WEST2, everywhere, null)), everywhere));
            assertPassThrough(edge.handle(get(APPCI, WEST2, farmOnly, null)));
            assertEquals("bucket us-east-1 appci",
                    follow(edge.handle(get(APPCI, "2600:1f18:4000::1", everywhere, null)), everywhere));
            assertPassThrough(edge.handle(get(APPCI, EAST1, everywhere, "debugregistry/cloudfront")));
            assertEquals("bucket us-east-1 build01",
                    follow(edge.handle(get(BUILD01, "8.8.8.8", everywhere, "debugregistry/local")), everywhere));
            assertEquals("replica us-west-2 appci-replica-us-west-2",
                    follow(edge.handle(get(APPCI, "8.8.8.8", everywhere, "debugregistry/us-west-2")), everywhere));
            assertEquals("replica us-west-1 appci-replica-us-west-1",
                    follow(edge.handle(get(BUILD03, "8.8.8.8", everywhere, "debugregistry/us-west-1")), everywhere));
            assertPassThrough(edge.handle(get(APPCI, "8.8.8.8", everywhere, null)));
        }
        assertEquals(assumedBefore + 1, sts.assumeRoleCalls.get(),
                which + ": the farm reached the replicas through the assumed role, assumed once and then reused");
    }

    @Test
    void s3ChecksEveryPresignedUrl() throws Exception {
        AwsKeys keys = new AwsKeys(S3World.IDENTITY, S3World.CREDENTIAL, null, Long.MAX_VALUE);
        String key = EventCorpus.blobKey(everywhere);
        S3Location location = S3Location.of(world.endpoint("us-east-1").toString(), true, "us-east-1", S3World.APPCI, key);
        long now = System.currentTimeMillis();

        assertEquals(200, status(S3Presign.get(keys, "us-east-1", location, 60, now)));
        String good = S3Presign.get(keys, "us-east-1", location, 60, now);
        char last = good.charAt(good.length() - 1);
        assertEquals(403, status(good.substring(0, good.length() - 1) + (last == '0' ? '1' : '0')), "tampered");
        assertEquals(403, status(good.replace(everywhere.substring(0, 10), farmOnly.substring(0, 10))), "other key");
        assertEquals(403, status(S3Presign.get(keys, "us-east-1", location, 60, now - 120_000)), "expired");
        AwsKeys wrong = new AwsKeys(S3World.IDENTITY, "not-the-secret", null, Long.MAX_VALUE);
        assertEquals(403, status(S3Presign.get(wrong, "us-east-1", location, 60, now)), "wrong secret");
    }

    private static int status(String url) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @ParameterizedTest
    @MethodSource("builds")
    void hostileEventsAllPassThroughAndNothingOutsideTheBlobLayoutIsSigned(String which) throws Exception {
        List<Map<String, Object>> hostile = new EventCorpus(99).hostile(250);
        try (EdgeUnderTest edge = build(which)) {
            for (Map<String, Object> event : hostile) {
                @SuppressWarnings("unchecked")
                Map<String, Object> cf = (Map<String, Object>) ((Map<String, Object>)
                        ((List<Object>) event.get("Records")).get(0)).get("cf");
                // The request as sent; an event without one can only get an empty object back.
                JsonNode sent = NodeBundle.JSON.valueToTree(cf == null || !(cf.get("request") instanceof Map<?, ?> request)
                        ? Map.of() : request);
                assertEquals(sent, edge.handle(event), "not handed back unchanged: " + sent);
            }
        }
    }
}
