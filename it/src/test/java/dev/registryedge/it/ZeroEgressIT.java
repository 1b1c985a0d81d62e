package dev.registryedge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registryedge.standins.SecretsManagerStandIn;
import dev.registryedge.it.bundle.TestRouting;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A zero-egress cache (an S3Proxy with a key pair of its own, unknown to AWS) in front of the
 * farm's bucket, its keys kept in a Secrets Manager stand-in that checks SigV4, on both builds:
 * a blob in the cache is sent there and the URL fetches it; a blob it lacks, and every fault of
 * Secrets Manager, end in the farm's bucket within the request's budget; after a rotation the
 * first request is refused by the cache and the next one is sent there again; and no secret key
 * appears in anything the tests captured.
 */
class ZeroEgressIT {

    private static final String FIRST_ID = "AKIDCACHEFIRST";
    private static final String FIRST_SECRET = "cache-first-SECRET-never-logged";
    /** A secret that is one word to a JSON parser, so that an error quoting a token would quote it whole. */
    private static final String SENTINEL_SECRET = "SENTINELsecretAccessKey0123456789abcdefXYZ";
    private static final String SECOND_ID = "AKIDCACHESECOND";
    private static final String SECOND_SECRET = "cache-second-SECRET-never-logged";
    private static final String CLIENT = "52.22.255.189";

    private static S3World world;
    private static SecretsManagerStandIn secrets;
    private static ZeroEgressCache cache;
    private static String cached;
    private static String uncached;
    private static final List<String> captured = new CopyOnWriteArrayList<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

    @BeforeAll
    static void start() throws Exception {
        world = new S3World();
        secrets = new SecretsManagerStandIn("us-east-1", Map.of(S3World.IDENTITY, S3World.CREDENTIAL));
        secrets.putKeyPair(TestRouting.CACHE_SECRET_ARN, FIRST_ID, FIRST_SECRET);
        cache = new ZeroEgressCache(FIRST_ID, FIRST_SECRET);
        cached = world.newBlob(30_000);
        uncached = world.newBlob(20_000);
        world.store(cached, S3World.APPCI);
        world.store(uncached, S3World.APPCI);
        cache.fill(world, cached);
    }

    @AfterAll
    static void stop() throws Exception {
        cache.close();
        secrets.close();
        world.close();
        for (String secret : List.of(FIRST_SECRET, SECOND_SECRET)) {
            for (String line : captured) {
                assertFalse(line.contains(secret), "a secret key in what the tests captured: " + line);
            }
        }
        assertTrue(captured.size() > 20, "the logs were captured: " + captured.size());
    }

    private static String cacheUrl() {
        return cache.url();
    }

    private static EdgeUnderTest function(String build, URI secretsEndpoint) {
        if (build.equals("jvm")) {
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            EdgeUnderTest jvm = EdgeUnderTest.jvm(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    S3World.IDENTITY, S3World.CREDENTIAL)), world.endpointSpec(), null, secretsEndpoint,
                    TestRouting.zeroEgress(cacheUrl()), new PrintStream(log, true, StandardCharsets.UTF_8));
            return new EdgeUnderTest() {
                @Override
                public JsonNode handle(Map<String, Object> event) throws java.io.IOException {
                    return jvm.handle(event);
                }

                @Override
                public List<String> output() {
                    return log.toString(StandardCharsets.UTF_8).lines().toList();
                }

                @Override
                public void close() {
                    captured.addAll(output());
                }
            };
        }
        return EdgeUnderTest.node(S3World.IDENTITY, S3World.CREDENTIAL, world.endpointSpec(), null,
                "zero-egress-" + cacheUrl(), Map.of("REGISTRY_EDGE_SECRETS_ENDPOINT", secretsEndpoint.toString()),
                captured);
    }

    /** Asks the function for a blob; returns the 307's location, or null when CloudFront serves. */
    private static String locationFor(EdgeUnderTest function, String digest) throws Exception {
        JsonNode result = function.handle(EventCorpus.event(TestRouting.ZERO_EGRESS_DISTRIBUTION, CLIENT, "GET",
                "/" + EventCorpus.blobKey(digest), null));
        captured.add(result.toString());
        return result.has("status") ? result.at("/headers/location/0/value").asText() : null;
    }

    private static String digestAt(String url) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), url + "\n" + new String(response.body(), StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(response.body()));
    }

    @org.junit.jupiter.api.Test
    void theDocumentedExampleIsTheConfigurationTheseTestsRun() throws Exception {
        String page = java.nio.file.Files.readString(Project.root().resolve("docs/configuration.md"));
        int marker = page.indexOf("<!-- zero-egress example:");
        int start = page.indexOf("```json\n", marker) + "```json\n".length();
        String example = page.substring(start, page.indexOf("```", start))
                .replace("https://<account>.r2.cloudflarestorage.com", cacheUrl());
        var config = dev.registryedge.ipmap.config.RoutingConfigReader.read(example.getBytes(StandardCharsets.UTF_8),
                "docs/configuration.md", java.util.Set.of("us-east-1"), java.util.Set.of("us-east-1"));
        // The whole configuration, defaults and all, not only its distributions.
        assertEquals(TestRouting.zeroEgress(cacheUrl()), config);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jvm", "node"})
    void aBlobInTheCacheIsSentThereAndOneItLacksToTheFarmsBucket(String build) throws Exception {
        try (EdgeUnderTest function = function(build, secrets.uri())) {
            String toCache = locationFor(function, cached);
            assertTrue(toCache.startsWith(cacheUrl() + "/" + TestRouting.CACHE_BUCKET + "/"), toCache);
            assertTrue(toCache.contains("X-Amz-Credential=" + FIRST_ID), toCache);
            assertEquals(cached, digestAt(toCache));

            String toFarm = locationFor(function, uncached);
            assertTrue(toFarm.startsWith(world.endpoint("us-east-1") + "/" + TestRouting.FARM_BUCKET + "/"), toFarm);
            assertEquals(uncached, digestAt(toFarm));
            int calls = secrets.calls.get();
            locationFor(function, cached);
            assertEquals(calls, secrets.calls.get(), "the secret is kept, not asked for again");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jvm", "node"})
    void everyFaultOfSecretsManagerEndsInTheFarmsBucketWithinTheBudget(String build) throws Exception {
        try (SecretsManagerStandIn unknown = new SecretsManagerStandIn("us-east-1",
                Map.of(S3World.IDENTITY, S3World.CREDENTIAL));
             SecretsManagerStandIn stalls = new SecretsManagerStandIn("us-east-1",
                     Map.of(S3World.IDENTITY, S3World.CREDENTIAL));
             SecretsManagerStandIn garbage = new SecretsManagerStandIn("us-east-1",
                     Map.of(S3World.IDENTITY, S3World.CREDENTIAL));
             SecretsManagerStandIn oversized = new SecretsManagerStandIn("us-east-1",
                     Map.of(S3World.IDENTITY, S3World.CREDENTIAL));
             SecretsManagerStandIn truncated = new SecretsManagerStandIn("us-east-1",
                     Map.of(S3World.IDENTITY, S3World.CREDENTIAL));
             SecretsManagerStandIn quoting = new SecretsManagerStandIn("us-east-1",
                     Map.of(S3World.IDENTITY, S3World.CREDENTIAL));
             SecretsManagerStandIn bare = new SecretsManagerStandIn("us-east-1",
                     Map.of(S3World.IDENTITY, S3World.CREDENTIAL))) {
            bare.putKeyPair(TestRouting.CACHE_SECRET_ARN, FIRST_ID, SENTINEL_SECRET);
            bare.behaviour = SecretsManagerStandIn.Behaviour.UNQUOTED;
            // Malformed answers that carry part of the secret: nothing of it may reach a log line.
            truncated.putKeyPair(TestRouting.CACHE_SECRET_ARN, FIRST_ID, SENTINEL_SECRET);
            truncated.behaviour = SecretsManagerStandIn.Behaviour.TRUNCATED;
            quoting.putKeyPair(TestRouting.CACHE_SECRET_ARN, FIRST_ID, SENTINEL_SECRET);
            quoting.behaviour = SecretsManagerStandIn.Behaviour.ERROR_QUOTING_THE_SECRET;
            // A 100 KB access key id would make a 307 larger than CloudFront takes: refused when read.
            oversized.putKeyPair(TestRouting.CACHE_SECRET_ARN, "AKID" + "X".repeat(100_000), FIRST_SECRET);
            stalls.putKeyPair(TestRouting.CACHE_SECRET_ARN, FIRST_ID, FIRST_SECRET);
            stalls.behaviour = SecretsManagerStandIn.Behaviour.STALL;
            garbage.putKeyPair(TestRouting.CACHE_SECRET_ARN, FIRST_ID, FIRST_SECRET);
            garbage.behaviour = SecretsManagerStandIn.Behaviour.GARBAGE;
            Map<String, URI> faults = new java.util.LinkedHashMap<>();
            faults.put("down", URI.create("http://127.0.0.1:1"));
            faults.put("stalls", stalls.uri());
            faults.put("answers garbage", garbage.uri());
            faults.put("does not know the secret", unknown.uri());
            faults.put("holds a 100 KB access key id", oversized.uri());
            faults.put("answers JSON cut in the secret", truncated.uri());
            faults.put("answers an error quoting the secret", quoting.uri());
            faults.put("answers the secret as a bare word", bare.uri());
            StringBuilder times = new StringBuilder();
            for (Map.Entry<String, URI> fault : faults.entrySet()) {
                try (EdgeUnderTest function = function(build, fault.getValue())) {
                    long started = System.nanoTime();
                    String location = locationFor(function, cached);
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    assertTrue(location.startsWith(world.endpoint("us-east-1") + "/" + TestRouting.FARM_BUCKET + "/"),
                            fault.getKey() + ": " + location);
                    assertTrue(millis < TestRouting.CHAIN_LIMITS.budgetMillis() + 500,
                            fault.getKey() + " took " + millis + " ms");
                    times.append(fault.getKey()).append(": ").append(millis).append(" ms; ");
                    for (String line : function.output()) {
                        assertFalse(line.contains("SENTINEL") || line.contains(FIRST_SECRET.substring(0, 10)),
                                fault.getKey() + ": " + line);
                    }
                }
            }
            System.out.println("zero-egress " + build + ", Secrets Manager that " + times);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jvm", "node"})
    void afterARotationTheFirstRefusalFetchesTheSecretAgain(String build) throws Exception {
        // A blob in the cache that this function instance has not checked yet.
        String unchecked = world.newBlob(10_000);
        world.store(unchecked, S3World.APPCI);
        cache.fill(world, unchecked);
        try (EdgeUnderTest function = function(build, secrets.uri())) {
            assertTrue(locationFor(function, cached).startsWith(cacheUrl()));
            // The store's keys and the secret change together.
            cache.rotate(SECOND_ID, SECOND_SECRET);
            cache.fill(world, cached);
            cache.fill(world, unchecked);
            secrets.putKeyPair(TestRouting.CACHE_SECRET_ARN, SECOND_ID, SECOND_SECRET);
            try {
                // With the existence cache on (as documented), a blob whose presence is remembered
                // is not checked again: it is still signed with the old keys until they are
                // cacheSeconds old, which is why the old keys must stay valid that long.
                String remembered = locationFor(function, cached);
                assertTrue(remembered.startsWith(cacheUrl()) && remembered.contains("X-Amz-Credential=" + FIRST_ID),
                        remembered);
                // A blob that is checked meets the refusal: the keys are dropped, the farm's bucket serves.
                String refused = locationFor(function, unchecked);
                assertTrue(refused.startsWith(world.endpoint("us-east-1").toString()),
                        "the old keys are refused: the farm's bucket this time, " + refused);
                String again = locationFor(function, unchecked);
                assertTrue(again.startsWith(cacheUrl()) && again.contains("X-Amz-Credential=" + SECOND_ID), again);
                assertEquals(unchecked, digestAt(again));
            } finally {
                cache.rotate(FIRST_ID, FIRST_SECRET);
                cache.fill(world, cached);
                secrets.putKeyPair(TestRouting.CACHE_SECRET_ARN, FIRST_ID, FIRST_SECRET);
            }
        }
    }
}
