package dev.registryedge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registryedge.handler.core.BlobKey;
import dev.registryedge.handler.generated.AwsRegionMap;
import dev.registryedge.handler.generated.RoutingTable;
import dev.registryedge.cli.report.Prices;
import dev.registryedge.cli.report.SavingsReport;
import dev.registryedge.it.bundle.TestRouting;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The seed flow end to end: skopeo pushes an image to docker-registry (S3 storage on S3Proxy,
 * CloudFront middleware); skopeo and curl pull it from four client locations, each behind its
 * own registry and CloudFront stand-in running the function; every blob's path is checked
 * against the documented decision order and every digest verified by skopeo and again here.
 */
class RegistryChainE2EIT {

    static final String APPCI = "E2KP8SMSY4XB67";
    static final Map<String, String> LOCATIONS = new LinkedHashMap<>();

    static {
        LOCATIONS.put("us-east-1", "52.22.255.189");
        LOCATIONS.put("us-east-2", "3.12.0.1");
        LOCATIONS.put("us-west-2", "35.80.0.1");
        LOCATIONS.put("outside AWS", "8.8.8.8");
    }

    static S3World world;
    static CloudFrontKeys keys;
    static Path work;
    static Path privateKey;

    @BeforeAll
    static void start() throws Exception {
        E2eTools.find("docker-registry");
        E2eTools.find("skopeo");
        E2eTools.find("curl");
        world = new S3World();
        keys = new CloudFrontKeys();
        work = Files.createTempDirectory(Project.root().resolve("it/target").toAbsolutePath(), "e2e-");
        privateKey = keys.writePrivateKey(work.resolve("cloudfront-private.pem"));
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    /** A registry with its stand-in, for clients at one location, running one build of the function. */
    record Location(String name, CloudFrontStandIn cloudFront, RegistryProcess registry) implements AutoCloseable {
        @Override
        public void close() {
            registry.close();
            cloudFront.close();
        }
    }

    static EdgeUnderTest function(String build, String endpoints) {
        return build.equals("jvm")
                ? EdgeUnderTest.jvm(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3World.IDENTITY,
                        S3World.CREDENTIAL)), endpoints, null)
                : EdgeUnderTest.node(S3World.IDENTITY, S3World.CREDENTIAL, endpoints, null);
    }

    static Location location(String build, String name, String ip, String endpoints) throws Exception {
        EdgeUnderTest function = function(build, endpoints);
        CloudFrontStandIn cloudFront = new CloudFrontStandIn(ip, APPCI, keys, function,
                world.clientFor(S3World.APPCI), S3World.APPCI);
        RegistryProcess registry = new RegistryProcess(work, build + "-" + name.replace(' ', '-'),
                world.endpoint("us-east-1"), S3World.APPCI, privateKey, cloudFront.baseUrl());
        return new Location(name, cloudFront, registry);
    }

    static String run(Duration limit, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(variable -> variable.startsWith("AWS_"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(limit.toSeconds(), TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        assertEquals(0, process.exitValue(), String.join(" ", command) + "\n" + output);
        return output;
    }

    static void push(OciImage image, Location at, String reference) throws Exception {
        run(Duration.ofMinutes(2), E2eTools.find("skopeo"), "copy", "--dest-tls-verify=false",
                "oci:" + image.layout + ":latest", "docker://" + at.registry().hostPort() + "/ns/img:" + reference);
    }

    /** Pulls with skopeo, checks every blob's digest again, and returns the time taken. */
    static long pull(OciImage image, Location from, Path into) throws Exception {
        long started = System.nanoTime();
        run(Duration.ofMinutes(2), E2eTools.find("skopeo"), "copy", "--src-tls-verify=false",
                "docker://" + from.registry().hostPort() + "/ns/img:v1", "dir:" + into);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        for (String blob : image.blobs()) {
            assertEquals(blob, OciImage.sha256(Files.readAllBytes(into.resolve(blob))), from.name() + " " + blob);
        }
        assertEquals(image.manifest, OciImage.sha256(Files.readAllBytes(into.resolve("manifest.json"))));
        return millis;
    }

    /** For each blob, the route its GET took at this stand-in ("bucket", "replica" or "cloudfront"). */
    static Map<String, String> routes(Location location, OciImage image) {
        Map<String, String> routes = new TreeMap<>();
        for (CloudFrontStandIn.Served served : location.cloudFront().served) {
            if (!served.method().equals("GET")) {
                continue;
            }
            for (String blob : image.blobs()) {
                if (served.path().contains(blob)) {
                    routes.put(blob, served.route().split(" ")[0]);
                }
            }
        }
        return routes;
    }

    @ParameterizedTest
    @ValueSource(strings = {"jvm", "node"})
    void theSeedFlowFromEveryLocation(String build) throws Exception {
        OciImage image = new OciImage(work.resolve(build + "-image"), build.hashCode(), 70_000, 1_200_000, 3_500_000);
        // Replication has reached the replicas for the first layer and the config only.
        Set<String> replicated = Set.of(image.layers.get(0), image.config);

        Map<String, String> summary = new LinkedHashMap<>();
        List<Location> locations = new ArrayList<>();
        try {
            for (Map.Entry<String, String> place : LOCATIONS.entrySet()) {
                locations.add(location(build, place.getKey(), place.getValue(), world.endpointSpec()));
            }
            long pushStarted = System.nanoTime();
            push(image, locations.get(0), "v1");
            summary.put("push", Duration.ofNanos(System.nanoTime() - pushStarted).toMillis() + " ms");
            for (String blob : replicated) {
                for (String replica : List.of(EventCorpus.REPLICA_EAST2, EventCorpus.REPLICA_WEST2)) {
                    world.replicate(EventCorpus.blobKey(blob), S3World.APPCI, replica);
                }
            }

            for (Location location : locations) {
                long millis = pull(image, location, work.resolve(build + "-pull-" + location.name().replace(' ', '-')));
                Map<String, String> routes = routes(location, image);
                for (String blob : image.blobs()) {
                    String expected = switch (location.name()) {
                        case "us-east-1" -> "bucket";
                        case "us-east-2" -> replicated.contains(blob) ? "replica" : "bucket";
                        case "us-west-2" -> replicated.contains(blob) ? "replica" : "cloudfront";
                        default -> "cloudfront";
                    };
                    assertEquals(expected, routes.get(blob), location.name() + " " + blob + " " + routes);
                }
                assertEquals(List.of(), location.cloudFront().refused);
                summary.put(location.name(), counts(routes) + " in " + millis + " ms");
            }

            debuggingRecipe(image, locations.get(3));
            tagsComeFromTheRegistry(build, image, locations);
            theReportCountsWhatWasServed(build, locations, replicated);
        } finally {
            for (Location location : locations) {
                location.close();
            }
        }
        System.out.println("e2e " + build + ": " + summary);
    }

    /**
     * The savings report over the stand-ins' own standard logs, with an inventory of what the
     * replicas held, counts in actual mode exactly what the stand-ins served: requests and bytes
     * per route (sizes from the origin bucket, not from the logs).
     */
    private static void theReportCountsWhatWasServed(String build, List<Location> locations, Set<String> replicated)
            throws Exception {
        Path logs = work.resolve(build + "-cloudfront-logs");
        Map<String, long[]> expected = new TreeMap<>();
        for (Location location : locations) {
            location.cloudFront().writeLog(logs, location.name().replace(' ', '-'));
            for (CloudFrontStandIn.Served served : location.cloudFront().served) {
                if (served.method().equals("GET") && BlobKey.of(served.path()) != null) {
                    long size = world.clientFor(S3World.APPCI).headObject(request -> request.bucket(S3World.APPCI)
                            .key(served.path().substring(1))).contentLength();
                    long[] counts = expected.computeIfAbsent(served.route().split(" ")[0].toUpperCase(Locale.ROOT),
                            route -> new long[2]);
                    counts[0]++;
                    counts[1] += size;
                }
            }
        }
        StringBuilder inventory = new StringBuilder();
        for (String blob : replicated) {
            for (String replica : List.of(EventCorpus.REPLICA_EAST2, EventCorpus.REPLICA_WEST2)) {
                inventory.append('"').append(replica).append("\",\"").append(EventCorpus.blobKey(blob)).append("\"\n");
            }
        }
        Path listing = Files.writeString(work.resolve(build + "-replicas-inventory.csv"), inventory);
        // The function's own decision lines, as CloudWatch Logs would have them: with them each logged
        // 307 is attributed exactly (without, a us-east-2 307 could be the replica's or the bucket's).
        List<String> output = new ArrayList<>();
        locations.forEach(location -> output.addAll(location.cloudFront().functionOutput()));
        Path decisions = Files.write(work.resolve(build + "-decisions.log"), output);
        JsonNode report = new SavingsReport(RoutingTable.config(), AwsRegionMap.map()).run(new SavingsReport.Request(
                List.of(logs), null, SavingsReport.Replicas.INVENTORY, listing, Prices.builtIn(), 2, null,
                dev.registryedge.cli.report.Bill.Elsewhere.NONE, List.of(decisions))).json();

        assertEquals(0, report.at("/input/problems").asLong(), report.get("input").toString());
        for (String outcome : List.of("CLOUDFRONT", "BUCKET", "REPLICA")) {
            long[] counts = expected.getOrDefault(outcome, new long[2]);
            JsonNode actual = report.at("/actual/totals/" + outcome);
            assertEquals(counts[0], actual.get("requests").asLong(), outcome + " requests " + report.get("actual"));
            assertEquals(counts[1], actual.get("bytes").asLong(), outcome + " bytes " + report.get("actual"));
            assertEquals(0, actual.get("unknownBytesRequests").asLong(), outcome);
        }
        assertEquals(0, report.at("/actual/unattributedRedirects/requests").asLong());
        assertEquals(0, report.at("/actual/ambiguousRedirects/requests").asLong());
        assertEquals(expected.getOrDefault("BUCKET", new long[2])[0] + expected.getOrDefault("REPLICA", new long[2])[0],
                report.at("/actual/decisionLogs/redirectsAttributed").asLong(), "every 307 by its decision line");
        System.out.println("e2e " + build + ": the report of the stand-ins' logs, actual: " + report.at("/actual/totals"));
    }

    private static String counts(Map<String, String> routes) {
        Map<String, Integer> counts = new TreeMap<>();
        routes.values().forEach(route -> counts.merge(route, 1, Integer::sum));
        return counts.toString();
    }

    /** curl -L with a debug user agent, as the seed's README tells operators to do. */
    private static void debuggingRecipe(OciImage image, Location outside) throws Exception {
        String blob = image.layers.get(0);
        String url = outside.registry().url() + "/v2/ns/img/blobs/sha256:" + blob;
        for (String[] agentAndRoute : new String[][] {
            {"debugregistry/us-west-2", "replica"}, {"debugregistry/cloudfront", "cloudfront"}, {"debugregistry/local", "bucket"}}) {
            Path out = work.resolve("curl-" + agentAndRoute[1] + "-" + System.nanoTime());
            int before = outside.cloudFront().served.size();
            run(Duration.ofMinutes(1), E2eTools.find("curl"), "-sS", "-f", "-L", "-o", out.toString(), "--user-agent",
                    agentAndRoute[0], url);
            assertEquals(blob, OciImage.sha256(Files.readAllBytes(out)));
            String route = outside.cloudFront().served.get(before).route().split(" ")[0];
            assertEquals(agentAndRoute[1], route, agentAndRoute[0]);
        }
    }

    /**
     * A retagged image is what every location gets by tag (pull checks the manifest's digest):
     * the tag is resolved by the registry asked, and only its blobs go through the function.
     */
    private static void tagsComeFromTheRegistry(String build, OciImage first, List<Location> locations) throws Exception {
        OciImage second = new OciImage(work.resolve(build + "-image-2"), build.hashCode() + 1, 50_000, 80_000);
        push(second, locations.get(0), "v1");
        for (Location location : locations) {
            pull(second, location, work.resolve(build + "-retag-" + location.name().replace(' ', '-')));
            assertEquals(second.blobs().size(), routes(location, second).size(),
                    location.name() + ": every blob of the new image came through the function");
        }
    }

    @org.junit.jupiter.api.Test
    @DisplayName("the CloudFront stand-in refuses tampered, expired and foreign signed URLs, as CloudFront would")
    void theStandInChecksSignedUrls() throws Exception {
        String blob = world.newBlob(512);
        world.store(blob, S3World.APPCI);
        try (Location outside = location("jvm", "signature-check", "8.8.8.8", world.endpointSpec())) {
            String resource = outside.cloudFront().baseUrl() + EventCorpus.blobKey(blob);
            long future = System.currentTimeMillis() / 1000 + 600;
            String good = keys.sign(resource, future);
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            java.util.function.Function<String, Integer> status = query -> {
                try {
                    return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(resource + "?" + query))
                            .build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            String keyPair = "&Key-Pair-Id=" + CloudFrontKeys.KEY_PAIR_ID;
            assertEquals(200, status.apply("Expires=" + future + "&Signature=" + good + keyPair), "served");
            String tampered = (good.charAt(5) == 'A' ? "B" : "A");
            assertEquals(403, status.apply("Expires=" + future + "&Signature=" + good.substring(0, 5) + tampered
                    + good.substring(6) + keyPair), "tampered");
            assertEquals(403, status.apply("Expires=" + (future + 1) + "&Signature=" + good + keyPair), "other expiry");
            long past = System.currentTimeMillis() / 1000 - 60;
            assertEquals(403, status.apply("Expires=" + past + "&Signature=" + keys.sign(resource, past) + keyPair),
                    "expired");
            assertEquals(403, status.apply("Expires=" + future + "&Signature=" + good + "&Key-Pair-Id=KOTHER"),
                    "another key pair");
            assertEquals(4, outside.cloudFront().refused.size(), outside.cloudFront().refused.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jvm", "node"})
    @DisplayName("clients of a farm with a zero-egress cache pull what it holds from it, the rest from the bucket")
    void aLocationSentToAZeroEgressCache(String build) throws Exception {
        OciImage image = new OciImage(work.resolve(build + "-cache-image"), build.hashCode() + 3, 60_000, 400_000);
        try (ZeroEgressCache cache = new ZeroEgressCache("AKIDE2ECACHE", "e2e-cache-secret");
             dev.registryedge.standins.SecretsManagerStandIn secrets =
                     new dev.registryedge.standins.SecretsManagerStandIn("us-east-1",
                             Map.of(S3World.IDENTITY, S3World.CREDENTIAL))) {
            secrets.putKeyPair(TestRouting.CACHE_SECRET_ARN, "AKIDE2ECACHE", "e2e-cache-secret");
            EdgeUnderTest function = build.equals("jvm")
                    ? EdgeUnderTest.jvm(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3World.IDENTITY,
                            S3World.CREDENTIAL)), world.endpointSpec(), null, secrets.uri(),
                            TestRouting.zeroEgress(cache.url()), System.out)
                    : EdgeUnderTest.node(S3World.IDENTITY, S3World.CREDENTIAL, world.endpointSpec(), null,
                            "zero-egress-" + cache.url(), Map.of("REGISTRY_EDGE_SECRETS_ENDPOINT",
                                    secrets.uri().toString()), null);
            CloudFrontStandIn cloudFront = new CloudFrontStandIn("52.22.255.189", TestRouting.ZERO_EGRESS_DISTRIBUTION,
                    keys, function, world.clientFor(S3World.APPCI), S3World.APPCI);
            RegistryProcess registry = new RegistryProcess(work, build + "-cached-farm", world.endpoint("us-east-1"),
                    S3World.APPCI, privateKey, cloudFront.baseUrl());
            try (Location cached = new Location("cached farm", cloudFront, registry); function) {
                push(image, cached, "v1");
                // The cache holds the first layer and the config.
                Set<String> inCache = Set.of(image.layers.get(0), image.config);
                inCache.forEach(blob -> cache.fill(world, blob));
                pull(image, cached, work.resolve(build + "-pull-cached-farm"));
                Map<String, String> routes = new TreeMap<>();
                for (CloudFrontStandIn.Served served : cloudFront.served) {
                    for (String blob : image.blobs()) {
                        if (served.method().equals("GET") && served.path().contains(blob)) {
                            routes.put(blob, served.route());
                        }
                    }
                }
                for (String blob : image.blobs()) {
                    assertEquals(inCache.contains(blob) ? "bucket auto cache" : "bucket us-east-1 farm", routes.get(blob),
                            blob + " " + routes);
                }
                System.out.println("e2e " + build + ": cached farm -> " + routes.values());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jvm", "node"})
    @DisplayName("a replica that is down or stalls: us-west-2 clients get CloudFront, us-east-2 clients the bucket")
    void pullsCompleteWhenTheReplicaIsDownOrStalls(String build) throws Exception {
        OciImage image = new OciImage(work.resolve(build + "-fault-image"), build.hashCode() + 7, 40_000, 90_000);
        try (FaultyServer stalling = new FaultyServer(FaultyServer.Fault.STALL);
                Location pusher = location(build, "fault-pusher", "52.22.255.189", world.endpointSpec());
                Location healthy = location(build, "replica-healthy", "35.80.0.1", world.endpointSpec());
                Location down = location(build, "replica-down", "35.80.0.1",
                        world.endpointSpec().replaceAll("us-west-2=[^,]+", "us-west-2=http://127.0.0.1:1"));
                Location stalled = location(build, "replica-stalls", "35.80.0.1",
                        world.endpointSpec().replaceAll("us-west-2=[^,]+", "us-west-2=" + stalling.uri()));
                Location east2Down = location(build, "east-2-replica-down", "3.12.0.1",
                        world.endpointSpec().replaceAll("us-east-2=[^,]+", "us-east-2=http://127.0.0.1:1"))) {
            push(image, pusher, "v1");
            // Every blob is in both replicas: only the fault can keep a client from them.
            for (String blob : image.blobs()) {
                for (String replica : List.of(EventCorpus.REPLICA_EAST2, EventCorpus.REPLICA_WEST2)) {
                    world.replicate(EventCorpus.blobKey(blob), S3World.APPCI, replica);
                }
            }
            for (Location location : List.of(healthy, down, stalled, east2Down)) {
                long millis = pull(image, location, work.resolve(build + "-" + location.name()));
                String expected = location == healthy ? "replica" : location == east2Down ? "bucket" : "cloudfront";
                Map<String, String> routes = routes(location, image);
                assertEquals(image.blobs().size(), routes.size(), location.name() + " " + routes);
                routes.forEach((blob, route) -> assertEquals(expected, route, location.name() + " " + blob));
                System.out.println("e2e " + build + ": " + location.name() + " -> all " + image.blobs().size()
                        + " blobs by " + expected + " in " + millis + " ms");
            }
        }
    }
}
