package dev.registryedge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registryedge.handler.core.Clock;
import dev.registryedge.handler.core.PrintStreamDecisionLog;
import dev.registryedge.handler.endpoints.S3Endpoints;
import dev.registryedge.handler.generated.RoutingTable;
import dev.registryedge.handler.jvm.AwsSettings;
import dev.registryedge.handler.jvm.LambdaHandler;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Every way the S3 side can fail ends in CloudFront serving the blob, within a bound well
 * inside Lambda@Edge's 5 s; and one handler under concurrent load makes no mistakes.
 */
class FaultsAndLoadIT {

    /** What a fault may cost: the S3 budget (2 s) plus slack for scheduling on 2 busy cores. */
    static final long BOUND_MILLIS = 2500;

    static S3World world;
    static FakeAws sts;
    static String blob;
    static final AwsCredentialsProvider KEYS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create(S3World.IDENTITY, S3World.CREDENTIAL));

    @BeforeAll
    static void startS3() throws Exception {
        world = new S3World();
        sts = new FakeAws(Set.of(), S3World.IDENTITY, S3World.CREDENTIAL, Duration.ofHours(1));
        blob = world.newBlob(4096);
        world.store(blob, S3World.APPCI, S3World.BUILD03, EventCorpus.REPLICA_EAST2, EventCorpus.REPLICA_WEST2);
    }

    @AfterAll
    static void stopS3() {
        sts.close();
        world.close();
    }

    /** A us-west-2 client of app.ci: its only route is the replica, so any fault means CloudFront. */
    static Map<String, Object> replicaRequest() {
        return S3IntegrationIT.get(S3IntegrationIT.APPCI, S3IntegrationIT.WEST2, blob, null);
    }

    static long timePassThrough(EdgeUnderTest edge, Map<String, Object> event) throws Exception {
        long started = System.nanoTime();
        JsonNode result = edge.handle(event);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        S3IntegrationIT.assertPassThrough(result);
        return millis;
    }

    @ParameterizedTest
    @EnumSource(value = FaultyServer.Fault.class, mode = EnumSource.Mode.EXCLUDE, names = "RESET_REUSED")
    void aMisbehavingS3EndsInCloudFrontWithinTheBound(FaultyServer.Fault fault) throws Exception {
        try (FaultyServer server = new FaultyServer(fault)) {
            String endpoints = "us-west-2=" + server.uri();
            try (EdgeUnderTest jvm = EdgeUnderTest.jvm(KEYS, endpoints, sts.uri());
                    EdgeUnderTest node = EdgeUnderTest.node(S3World.IDENTITY, S3World.CREDENTIAL, endpoints, sts.uri())) {
                long jvmMillis = timePassThrough(jvm, replicaRequest());
                long nodeMillis = timePassThrough(node, replicaRequest());
                System.out.printf("fault %-11s -> pass through: jvm %4d ms, node %4d ms%n", fault, jvmMillis, nodeMillis);
                assertTrue(jvmMillis < BOUND_MILLIS && nodeMillis < BOUND_MILLIS, jvmMillis + " / " + nodeMillis);
            }
        }
    }

    @Test
    void aRefusedConnectionEndsInCloudFront() throws Exception {
        String endpoints = "us-west-2=http://127.0.0.1:1";
        try (EdgeUnderTest jvm = EdgeUnderTest.jvm(KEYS, endpoints, sts.uri());
                EdgeUnderTest node = EdgeUnderTest.node(S3World.IDENTITY, S3World.CREDENTIAL, endpoints, sts.uri())) {
            long jvmMillis = timePassThrough(jvm, replicaRequest());
            long nodeMillis = timePassThrough(node, replicaRequest());
            System.out.printf("fault %-11s -> pass through: jvm %4d ms, node %4d ms%n", "REFUSED", jvmMillis, nodeMillis);
            assertTrue(jvmMillis < BOUND_MILLIS && nodeMillis < BOUND_MILLIS);
        }
    }

    @Test
    void anEndpointNameThatDoesNotResolveEndsInCloudFront() throws Exception {
        // This JVM resolves names from a hosts file (see the failsafe configuration), so the
        // lookup fails here without a DNS query leaving the machine. The Node build resolves
        // through the system resolver and is not asked to.
        String endpoints = "us-west-2=http://s3.us-west-2.registry-edge.invalid:9000";
        try (EdgeUnderTest jvm = EdgeUnderTest.jvm(KEYS, endpoints, sts.uri())) {
            long jvmMillis = timePassThrough(jvm, replicaRequest());
            System.out.printf("fault %-11s -> pass through: jvm %4d ms%n", "DNS", jvmMillis);
            assertTrue(jvmMillis < BOUND_MILLIS);
        }
    }

    @Test
    void missingCredentialsEndInCloudFront() throws Exception {
        AwsCredentialsProvider none = () -> {
            throw new IllegalStateException("no credentials in this environment");
        };
        Map<String, Object> direct = S3IntegrationIT.get(S3IntegrationIT.APPCI, S3IntegrationIT.EAST1, blob, null);
        try (EdgeUnderTest jvm = EdgeUnderTest.jvm(none, world.endpointSpec(), sts.uri());
                EdgeUnderTest node = EdgeUnderTest.node(null, null, world.endpointSpec(), sts.uri())) {
            long jvmMillis = timePassThrough(jvm, direct);
            long nodeMillis = timePassThrough(node, direct);
            assertTrue(jvmMillis < BOUND_MILLIS && nodeMillis < BOUND_MILLIS, jvmMillis + " / " + nodeMillis);
        }
    }

    @Test
    @DisplayName("role keys that would die before the URL skip the replica: the farm's own bucket serves")
    void shortLivedRoleCredentialsSkipTheReplica() throws Exception {
        // STS hands out credentials that would die before a 20-minute URL: refused for the
        // replica, so the next target, the farm's bucket read with the function's keys, serves.
        try (FakeAws shortLived = new FakeAws(Set.of(), S3World.IDENTITY, S3World.CREDENTIAL, Duration.ofMinutes(10));
                EdgeUnderTest jvm = EdgeUnderTest.jvm(KEYS, world.endpointSpec(), shortLived.uri());
                EdgeUnderTest node = EdgeUnderTest.node(S3World.IDENTITY, S3World.CREDENTIAL, world.endpointSpec(),
                        shortLived.uri())) {
            Map<String, Object> farmFromEast2 = S3IntegrationIT.get(S3IntegrationIT.BUILD03, S3IntegrationIT.EAST2, blob,
                    null);
            for (EdgeUnderTest edge : List.of(jvm, node)) {
                long started = System.nanoTime();
                JsonNode result = edge.handle(farmFromEast2);
                long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                assertEquals("bucket us-east-1 build03", route(result), edge + ": " + result);
                assertTrue(millis < BOUND_MILLIS, edge + " took " + millis + " ms");
                S3IntegrationIT.follow(result, blob);
            }
            assertEquals(2, shortLived.assumeRoleCalls.get());
        }
    }

    @Test
    void roleCredentialsAreRenewedAsSoonAsTheyWouldNotOutliveAUrl() throws Exception {
        // The STS stand-in hands out credentials that outlive a 20-minute URL plus the 5 minutes
        // of renewal slack by two seconds: good now, due for renewal two seconds on.
        Duration life = Duration.ofSeconds(RoutingTable.config().presignValiditySeconds() + 300 + 2);
        Map<String, Object> farmFromEast2 = S3IntegrationIT.get(S3IntegrationIT.BUILD03, S3IntegrationIT.EAST2, blob,
                null);
        try (FakeAws sts = new FakeAws(Set.of(), S3World.IDENTITY, S3World.CREDENTIAL, life);
                EdgeUnderTest jvm = EdgeUnderTest.jvm(KEYS, world.endpointSpec(), sts.uri());
                EdgeUnderTest node = EdgeUnderTest.node(S3World.IDENTITY, S3World.CREDENTIAL, world.endpointSpec(),
                        sts.uri())) {
            for (EdgeUnderTest edge : List.of(jvm, node)) {
                int before = sts.assumeRoleCalls.get();
                assertEquals("replica us-east-2 appci-replica-us-east-2", route(edge.handle(farmFromEast2)));
                assertEquals(before + 1, sts.assumeRoleCalls.get(), edge + ": one AssumeRole for the first request");
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (sts.assumeRoleCalls.get() == before + 1 && System.nanoTime() < deadline) {
                    assertEquals("replica us-east-2 appci-replica-us-east-2", route(edge.handle(farmFromEast2)));
                }
                assertEquals(before + 2, sts.assumeRoleCalls.get(), edge + ": renewed once");
                for (int i = 0; i < 5; i++) {
                    assertEquals("replica us-east-2 appci-replica-us-east-2", route(edge.handle(farmFromEast2)));
                }
                assertEquals(before + 2, sts.assumeRoleCalls.get(), edge + ": the renewed keys are reused");
            }
        }
    }

    private static String route(JsonNode response) {
        return response.at("/headers/x-registry-edge-route/0/value").asText();
    }

    @Test
    void oneHandlerUnderLoadFromThirtyTwoThreadsMakesNoMistakes() throws Exception {
        AwsSettings settings = new AwsSettings(KEYS, S3Endpoints.parse(world.endpointSpec()), sts.uri(),
                RoutingTable.config(), Clock.SYSTEM);
        LambdaHandler handler = new LambdaHandler(LambdaHandler.router(settings,
                new PrintStreamDecisionLog(new PrintStream(OutputStream.nullOutputStream()))));
        // Each kind of request with the outcome it must have: a route header, or null for pass-through.
        List<Object[]> kinds = List.of(
                new Object[] {S3IntegrationIT.get(S3IntegrationIT.APPCI, S3IntegrationIT.EAST1, blob, null),
                    "bucket us-east-1 appci"},
                new Object[] {S3IntegrationIT.get(S3IntegrationIT.BUILD03, S3IntegrationIT.EAST2, blob, null),
                    "replica us-east-2 appci-replica-us-east-2"},
                new Object[] {S3IntegrationIT.get(S3IntegrationIT.APPCI, S3IntegrationIT.WEST2, blob, null),
                    "replica us-west-2 appci-replica-us-west-2"},
                new Object[] {EventCorpus.event(S3IntegrationIT.APPCI, S3IntegrationIT.EAST1, "GET",
                    "/v2/ocp/4.11/manifests/latest", null), null},
                new Object[] {S3IntegrationIT.get(S3IntegrationIT.APPCI, "8.8.8.8", blob, null), null});
        int requests = 10_000;
        long[] nanos = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger wrong = new AtomicInteger();
        List<String> mistakes = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(32);
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 32; t++) {
            workers.add(threads.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    Object[] kind = kinds.get(i % kinds.size());
                    @SuppressWarnings("unchecked")
                    Map<String, Object> event = NodeBundle.JSON.convertValue(kind[0], EdgeUnderTest.EVENT);
                    long before = System.nanoTime();
                    Map<String, Object> result = handler.handleRequest(event, null);
                    nanos[i] = System.nanoTime() - before;
                    JsonNode json = NodeBundle.JSON.valueToTree(result);
                    String route = json.has("status") ? json.at("/headers/x-registry-edge-route/0/value").asText() : null;
                    if (kind[1] == null ? route != null : !kind[1].equals(route)) {
                        wrong.incrementAndGet();
                        mistakes.add(kind[1] + " -> " + route);
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        threads.shutdown();
        Arrays.sort(nanos);
        System.out.printf("load: %,d requests from 32 threads in %.2f s = %,.0f decisions/s; latency p50 %.2f ms,"
                + " p99 %.2f ms, max %.2f ms (3 of 5 kinds redirect, 2 of them after an existence check, cached after the first)%n", requests, seconds,
                requests / seconds, nanos[requests / 2] / 1e6, nanos[requests * 99 / 100] / 1e6,
                nanos[requests - 1] / 1e6);
        assertEquals(0, wrong.get(), mistakes.subList(0, Math.min(10, mistakes.size())).toString());
        assertFalse(mistakes.iterator().hasNext());
    }
}
